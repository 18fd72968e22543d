import type { Group } from '../../../core/metrics-types';
import type { Query } from '../../../core/matchers';
import { matchesQuery } from '../../../core/query-match';
import { matchesState, type StateContext, type StateFilter } from '../states';

export const SORT_KEYS = ['job', 'oldest', 'newest', 'families', 'samples', 'overdue'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  job: 'Job and instance',
  oldest: 'Last push, oldest first',
  newest: 'Last push, newest first',
  families: 'Most families',
  samples: 'Most series',
  overdue: 'Most overdue first',
};

/** The state quick filters that are on (any of them: OR), and what judging states needs. */
export interface StatePick {
  want: ReadonlySet<StateFilter>;
  ctx: StateContext;
}

export interface Filters {
  query: Query;
  /** Only groups in one of these states (OR among them, AND with everything else); null for any. */
  states?: StatePick | null;
  /** Only groups holding this metric family. */
  family: string | null;
  /** Only groups a prune rule has made due (their keys). */
  dueOnly?: ReadonlySet<string> | null;
  /** Only groups on one of these gateways (by name; several gateways only); none picked is every gateway. */
  gateways?: ReadonlySet<string> | null;
  /** Only groups whose grouping key another gateway also holds (their keys). */
  duplicatedOnly?: ReadonlySet<string> | null;
}

/** A free-text filter no group matches: running it warms the path every typed filter takes. */
const WARM_UP: Filters = {
  query: { matchers: [], words: ['\u0000'] },
  family: null,
};

/**
 * Runs a free-text filter over every group in idle time after a poll, a slice at a time, so the
 * first keystrokes in the filter find the haystacks built and the matching code already compiled
 * (cold, the first keystrokes at 10,000 groups took twice as long as the later ones).
 * Returns a cancel function.
 */
export function warmFiltering(groups: readonly Group[]): () => void {
  let next = 0;
  let handle = 0;
  const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 50));
  const cancel = window.cancelIdleCallback ?? window.clearTimeout;
  const step = () => {
    const end = Math.min(groups.length, next + 500);
    for (; next < end; next++) matchesFilters(groups[next]!, WARM_UP);
    if (next < groups.length) handle = idle(step);
  };
  handle = idle(step);
  return () => cancel(handle);
}

export function isFiltering(filters: Filters): boolean {
  const { query } = filters;
  return (
    query.matchers.length > 0 ||
    query.words.length > 0 ||
    !!query.gatewayMatchers?.length ||
    !!filters.gateways?.size ||
    !!filters.duplicatedOnly ||
    !!filters.states?.want.size ||
    !!filters.dueOnly ||
    !!filters.family
  );
}

/** The quick filters (states, due, on several gateways), each off. */
const NO_QUICK_FILTERS = {
  states: null,
  dueOnly: null,
  duplicatedOnly: null,
} as const satisfies Partial<Filters>;

/** Whether a quick filter is on. */
export function hasQuickFilter(filters: Filters): boolean {
  return (Object.keys(NO_QUICK_FILTERS) as Array<keyof typeof NO_QUICK_FILTERS>).some((key) => !!filters[key]);
}

/**
 * What the quick filters' counts are counted within: the filters without the quick ones, or null
 * when that lets every group through.
 */
export function withoutQuickFilters(filters: Filters): Filters | null {
  const scope: Filters = { ...filters, ...NO_QUICK_FILTERS };
  return isFiltering(scope) ? scope : null;
}

/** Whether a group is in one of the states picked (true when none is picked). */
function inPickedStates(group: Group, pick: StatePick | null | undefined): boolean {
  if (!pick?.want.size) return true;
  for (const want of pick.want) if (matchesState(group, want, pick.ctx)) return true;
  return false;
}

export function matchesFilters(group: Group, filters: Filters): boolean {
  if (!inPickedStates(group, filters.states)) return false;
  if (filters.family && !group.families.some((f) => f.name === filters.family)) return false;
  if (filters.dueOnly && !filters.dueOnly.has(group.key)) return false;
  if (filters.duplicatedOnly && !filters.duplicatedOnly.has(group.key)) return false;
  // A group without a gateway (one gateway only) is on "", as PromQL reads a missing label.
  if (filters.gateways?.size && !filters.gateways.has(group.gateway ?? '')) return false;
  return matchesQuery(group, filters.query);
}

/** The groups that pass, in the chosen order (the input is already in job order). */
export function filterAndSort(
  groups: readonly Group[],
  filters: Filters,
  sort: SortKey,
  /** How many usual intervals each overdue group is late, for "Most overdue first". */
  lateness: ReadonlyMap<string, number> = new Map(),
): Group[] {
  const kept = isFiltering(filters) ? groups.filter((g) => matchesFilters(g, filters)) : [...groups];
  const by: Record<Exclude<SortKey, 'job'>, (a: Group, b: Group) => number> = {
    oldest: (a, b) => a.pushTime - b.pushTime,
    newest: (a, b) => b.pushTime - a.pushTime,
    families: (a, b) => b.families.length - a.families.length,
    samples: (a, b) => b.sampleCount - a.sampleCount,
    overdue: (a, b) => (lateness.get(b.key) ?? 0) - (lateness.get(a.key) ?? 0),
  };
  // Array.prototype.sort is stable: ties keep the job order.
  return sort === 'job' ? kept : kept.sort(by[sort]);
}

/** Every metric family name with the number of groups holding it, by name. */
export function familyCounts(groups: readonly Group[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const g of groups) for (const f of g.families) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface Summary {
  groups: number;
  jobs: number;
  families: number;
  samples: number;
  /** Last push succeeded and not stale. */
  fresh: number;
  failed: number;
  stale: number;
  /**
   * Stale and failed at once (never pushed successfully, or failed after a push that is now old):
   * counted in both, so fresh + stale + failed - staleAndFailed = groups. The summary says so.
   */
  staleAndFailed: number;
}

export function summarize(groups: readonly Group[], staleKeys: ReadonlySet<string>): Summary {
  const jobs = new Set<string>();
  let families = 0;
  let samples = 0;
  let failed = 0;
  let fresh = 0;
  let staleAndFailed = 0;
  for (const g of groups) {
    jobs.add(g.job);
    families += g.families.length;
    samples += g.sampleCount;
    const stale = staleKeys.has(g.key);
    if (!g.lastPushSuccessful) {
      failed++;
      if (stale) staleAndFailed++;
    } else if (!stale) fresh++;
  }
  return {
    groups: groups.length,
    jobs: jobs.size,
    families,
    samples,
    fresh,
    failed,
    stale: staleKeys.size,
    staleAndFailed,
  };
}
