/**
 * The one place for button and control looks: every button, select and text box takes its classes
 * from here, so focus rings, sizes and disabled states stay alike across the app.
 */
const focus = 'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-600';

export const BUTTON = {
  /** Shape, size, focus ring and disabled look; combine with one of the variants below. */
  base: `rounded px-2.5 py-1 text-sm font-medium ${focus} disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50`,
  /** Bordered, neutral. */
  plain:
    'border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 hover:bg-slate-100 dark:hover:bg-slate-800',
  /** Bordered, for actions that delete. */
  danger:
    'border border-red-300 dark:border-red-800 bg-white dark:bg-slate-900 text-red-800 dark:text-red-300 hover:bg-red-50 dark:hover:bg-red-950 focus-visible:outline-red-600',
  /** Filled, the one action a notice or dialog offers first. */
  primary: 'bg-teal-700 text-white hover:bg-teal-800',
  /** Filled red: the confirming button of a destructive dialog. */
  destroy: 'bg-red-700 text-white hover:bg-red-800',
  /** Borderless, for secondary actions inside a card or notice. */
  quiet: 'text-slate-600 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800',
  /** Borderless red, inside a card. */
  quietDanger: 'text-red-700 dark:text-red-300 hover:bg-red-50 dark:hover:bg-red-950 focus-visible:outline-red-600',
} as const;

/** Text boxes and selects. */
export const CONTROL = `rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-sm ${focus}`;

/** A button's classes: the base plus one variant. */
export const button = (variant: Exclude<keyof typeof BUTTON, 'base'>, extra = '') =>
  `${BUTTON.base} ${BUTTON[variant]}${extra ? ` ${extra}` : ''}`;
