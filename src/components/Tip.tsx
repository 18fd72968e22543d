import { useId, type ReactNode } from 'react';

/**
 * Shows `tip` while the trigger is hovered or focused (keyboard users tab to it), and ties it to the
 * trigger with aria-describedby. The trigger is a focusable span holding `children`.
 */
export function Tip({ tip, children, className = '' }: { tip: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <span className={`group/tip relative inline-flex min-w-0 ${className}`}>
      <span
        tabIndex={0}
        aria-describedby={id}
        className="min-w-0 rounded-sm outline-offset-2 focus-visible:outline-2 focus-visible:outline-teal-600"
      >
        {children}
      </span>
      <span
        role="tooltip"
        id={id}
        className="pointer-events-none absolute top-full right-0 z-20 mt-1 hidden w-max max-w-[min(32rem,80vw)] rounded bg-slate-900 dark:bg-slate-800 px-2 py-1 font-mono text-xs break-all whitespace-pre-wrap text-white shadow-lg group-focus-within/tip:block group-hover/tip:block"
      >
        {tip}
      </span>
    </span>
  );
}
