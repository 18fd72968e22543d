import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Extra controls beside the buttons (a download link, say). */
  extra?: ReactNode;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A modal confirmation on the platform's <dialog>: it traps focus, closes on Escape, and gives
 * focus back to where it was. Cancel is focused first, so Enter never destroys by accident.
 */
export function ConfirmDialog({ title, children, confirmLabel, extra, confirmDisabled, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const close = () => ref.current?.close();
  const button =
    'rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600';
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-0 text-slate-900 dark:text-slate-50 shadow-xl backdrop:bg-slate-900/40"
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
        {extra && <div className="mr-auto">{extra}</div>}
        <button
          type="button"
          autoFocus
          className={`${button} border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 hover:bg-slate-100 dark:hover:bg-slate-800`}
          onClick={close}
        >
          Cancel
        </button>
        <button
          type="button"
          disabled={confirmDisabled}
          className={`${button} bg-red-700 text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50`}
          onClick={() => {
            onConfirm();
            close();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
