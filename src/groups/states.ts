import type { Group } from '../../core/metrics-types';

/**
 * Every state a group can be in, as the list marks them, the job rows count them and the quick
 * filters pick them, worst first. The one place a new state is added: here, in `hasState`, and in
 * the looks (src/components/state-looks.ts).
 */
export const STATES = ['failed', 'malformed', 'overdue', 'stale', 'fresh'] as const;
export type RowState = (typeof STATES)[number];

/** What the quick filters pick: a state, or "needs attention". */
export const STATE_FILTERS = ['attention', ...STATES] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** What judging a group's state needs besides the group. */
export interface StateContext {
  staleKeys: ReadonlySet<string>;
  /** The overdue groups' keys; null while no usual intervals are known. */
  lateKeys: ReadonlySet<string> | null;
  /** Usual intervals (seconds) by group key, where known. */
  intervals: ReadonlyMap<string, number> | null;
}

export function hasState(group: Group, state: RowState, ctx: StateContext): boolean {
  switch (state) {
    case 'failed':
      return !group.lastPushSuccessful;
    case 'malformed':
      return group.problem !== undefined;
    case 'overdue':
      return ctx.lateKeys?.has(group.key) ?? false;
    case 'stale':
      return ctx.staleKeys.has(group.key);
    case 'fresh':
      // Fresh is none of the others.
      return STATES.every((s) => s === 'fresh' || !hasState(group, s, ctx));
  }
}

/**
 * Needs someone: failed, overdue or malformed, or stale where no usual interval is known (a group
 * with a rhythm of its own is judged by it: overdue, not stale).
 */
export function needsAttention(group: Group, ctx: StateContext): boolean {
  return (
    hasState(group, 'failed', ctx) ||
    hasState(group, 'overdue', ctx) ||
    hasState(group, 'malformed', ctx) ||
    (hasState(group, 'stale', ctx) && !ctx.intervals?.has(group.key))
  );
}

export function matchesState(group: Group, filter: StateFilter, ctx: StateContext): boolean {
  return filter === 'attention' ? needsAttention(group, ctx) : hasState(group, filter, ctx);
}

/** A group's states, worst first (a group can be stale and failed at once). */
export function statesOf(group: Group, ctx: StateContext): RowState[] {
  return STATES.filter((s) => hasState(group, s, ctx));
}

export interface StateCounts {
  groups: number;
  /** Groups in each state; a group in two states counts in both. */
  states: Record<RowState, number>;
  attention: number;
  /** Unix seconds of the newest and oldest successful push; 0 when none. */
  newest: number;
  oldest: number;
  /** The usual interval (seconds) of the groups that have one (their median), or null. */
  usual: number | null;
}

/** Counts of nothing: every state 0. */
export function emptyCounts(): StateCounts {
  const states = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<RowState, number>;
  return { groups: 0, states, attention: 0, newest: 0, oldest: 0, usual: null };
}

/** The counts of a job row, a gateway or the whole list. */
export function countStates(groups: readonly Group[], ctx: StateContext): StateCounts {
  const { states } = emptyCounts();
  let attention = 0;
  let newest = 0;
  let oldest = 0;
  const usual: number[] = [];
  for (const g of groups) {
    for (const s of STATES) if (hasState(g, s, ctx)) states[s]++;
    if (needsAttention(g, ctx)) attention++;
    if (g.pushTime > 0) {
      newest = Math.max(newest, g.pushTime);
      oldest = oldest === 0 ? g.pushTime : Math.min(oldest, g.pushTime);
    }
    const interval = ctx.intervals?.get(g.key);
    if (interval !== undefined) usual.push(interval);
  }
  usual.sort((a, b) => a - b);
  return {
    groups: groups.length,
    states,
    attention,
    newest,
    oldest,
    usual: usual.length ? usual[Math.floor(usual.length / 2)]! : null,
  };
}
