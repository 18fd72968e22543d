import type { ReactNode } from 'react';
import type { GroupState } from '../gateway/group-state';

export type { GroupState };

/**
 * The one visual language for a group's state, used by the list, the summary bar, the quick
 * filters and the status page: fresh is green, stale is amber, failed is red, each with its own
 * mark so colour is never the only signal. (Metric TYPE badges use none of these hues.)
 */

export const STATE_MARK: Record<GroupState, string> = { fresh: '●', stale: '◷', failed: '✕' };

/** Text colour for the state on the page background (AA in both themes). */
export const STATE_TEXT: Record<GroupState, string> = {
  fresh: 'text-emerald-800 dark:text-emerald-300',
  stale: 'text-amber-900 dark:text-amber-200',
  failed: 'text-red-800 dark:text-red-300',
};

/** A filled badge. */
export const STATE_BADGE: Record<GroupState, string> = {
  fresh: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  stale: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100',
};

/** A toggle button showing the state: its pressed look is the badge's fill. */
export const STATE_PRESSED: Record<GroupState, string> = {
  fresh: 'aria-pressed:border-emerald-600 aria-pressed:bg-emerald-50 dark:aria-pressed:bg-emerald-950',
  stale: 'aria-pressed:border-amber-500 aria-pressed:bg-amber-50 dark:aria-pressed:bg-amber-950',
  failed: 'aria-pressed:border-red-600 aria-pressed:bg-red-50 dark:aria-pressed:bg-red-950',
};

export function StateMark({ state }: { state: GroupState }) {
  return (
    <span aria-hidden="true" className={STATE_TEXT[state]}>
      {STATE_MARK[state]}
    </span>
  );
}

export function StateBadge({ state, children }: { state: GroupState; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${STATE_BADGE[state]}`}
    >
      <span aria-hidden="true">{STATE_MARK[state]}</span>
      <span>{children}</span>
    </span>
  );
}
