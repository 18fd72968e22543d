import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  title: string;
  /** `alertdialog` for confirmations of destructive actions, `dialog` otherwise. */
  role?: 'dialog' | 'alertdialog';
  width?: string;
  /** The buttons row at the bottom; it gets `close` to close the dialog the platform's way. */
  footer: (close: () => void) => ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The one modal of the app, on the platform's <dialog> opened with showModal(): focus stays
 * inside, Esc closes, and focus goes back to where it was. Every dialog is one of these.
 */
export function Modal({ title, role = 'dialog', width = '28rem', footer, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = () => closeDialog(ref);
  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={role === 'alertdialog' ? bodyId : undefined}
      onClose={onClose}
      style={{ width: `min(${width}, calc(100vw - 2rem))` }}
      className="m-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-0 text-slate-900 dark:text-slate-50 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="mt-3 text-sm text-slate-700 dark:text-slate-200">
          {children}
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-950 px-5 py-3">
        {/* close reads the ref only when a button is clicked, never while rendering. */}
        {/* eslint-disable-next-line react-hooks/refs */}
        {footer(close)}
      </div>
    </dialog>
  );
}

const closeDialog = (ref: RefObject<HTMLDialogElement | null>) => ref.current?.close();
