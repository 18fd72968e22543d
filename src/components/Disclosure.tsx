import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { button } from './styles';

interface Props {
  /** The button's name: "Actions", "Options". */
  label: ReactNode;
  /** An accessible name when the label is not plain text. */
  ariaLabel?: string;
  /** The panel's side under the button. */
  align?: 'left' | 'right';
  className?: string;
  children: ReactNode;
}

/**
 * A button that shows a panel of further controls under it (the disclosure pattern: the panel's
 * controls are ordinary buttons and fields, reached with Tab). Esc or a click elsewhere closes
 * it, and so does focus moving out of it. The panel stays in the page while closed (hidden), so a dialog one of its buttons opened
 * lives on; clicks and keys inside an open dialog never close it.
 */
export function Disclosure({ label, ariaLabel, align = 'right', className = '', children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const inDialog = (t: EventTarget | null) => t instanceof Element && !!t.closest('dialog');
    const outside = (e: Event) => !root.current?.contains(e.target as Node) && !inDialog(e.target);
    const onPointer = (e: PointerEvent) => {
      if (outside(e)) setOpen(false);
    };
    // Focus that moves elsewhere (Tab past the panel, typing into the filter) closes it too, so
    // an open panel never covers what the person went on to use.
    const onFocus = (e: FocusEvent) => {
      if (outside(e)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || inDialog(e.target) || e.defaultPrevented) return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={root} className={`relative ${className}`}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={ariaLabel}
        onClick={() => setOpen(!open)}
        className={button('plain', 'inline-flex items-center gap-1 font-normal whitespace-nowrap')}
      >
        {label}
        <span aria-hidden="true" className="text-xs">
          ▾
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute top-full z-30 mt-1 w-max max-w-[min(28rem,calc(100vw-2rem))] rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
      >
        {children}
      </div>
    </div>
  );
}
