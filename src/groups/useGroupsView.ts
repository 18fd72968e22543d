import { useEffect, useMemo } from 'react';
import { EMPTY_QUERY } from '../../core/matchers';
import { useParsedQuery } from './find/useParsedQuery';
import { firstDue } from '../../core/prune';
import type { Group } from '../../core/metrics-types';
import { useCadence } from '../health/api';
import { overdueGroups } from '../health/overdue';
import { useNow } from '../lib/useNow';
import { sameItems, sameMembers, useSteady } from '../lib/useSteady';
import { usePruneRules } from '../prune/api';
import { staleGroups } from './cleanup/staleness';
import { useStaleThreshold } from './cleanup/useStaleThreshold';
import {
  familyCounts,
  filterAndSort,
  hasQuickFilter,
  isFiltering,
  warmFiltering,
  withoutQuickFilters,
} from './find/filter';
import type { FindState } from './find/useFindState';
import { matchesState, STATE_FILTERS, type StateContext, type StateFilter } from './states';
import { useGatewayView } from './useGatewayView';

/**
 * Everything the groups page derives from the groups and the person's choices: the states, the
 * filters, what is shown, and the quick filters' counts. Each set is kept as it was while the
 * clock's tick changes nothing in it (useSteady).
 */
export function useGroupsView(groups: readonly Group[] | undefined, find: FindState) {
  const threshold = useStaleThreshold();
  const now = useNow();
  const cadence = useCadence();
  // Thresholds that groups' written expectations set beat the page's one threshold.
  const staleAfter = cadence?.staleAfter;
  const stale = useSteady(
    useMemo(
      () => (groups ? staleGroups(groups, threshold.seconds, now, staleAfter) : []),
      [groups, threshold.seconds, now, staleAfter],
    ),
    sameItems,
  );
  const staleKeys = useMemo(() => new Set(stale.map((g) => g.key)), [stale]);
  const rules = usePruneRules()?.rules;
  // Groups a prune rule has made due: the server deletes them at its next run, unless held back.
  const dueKeys = useSteady(
    useMemo(() => {
      if (!groups || !rules?.length) return null;
      const keys = new Set<string>();
      for (const g of groups) {
        const due = firstDue(g, rules, (key) => cadence?.intervals.get(key));
        if (due && due.at <= now / 1000) keys.add(g.key);
      }
      return keys;
    }, [groups, rules, now, cadence]),
    sameMembers,
  );
  // Groups late for their own rhythm, with how many usual intervals late.
  const lateness = useMemo(() => (groups ? overdueGroups(groups, cadence, now) : null), [groups, cadence, now]);
  const lateKeys = useSteady(
    useMemo(() => (lateness ? new Set(lateness.keys()) : null), [lateness]),
    sameMembers,
  );
  // A usual interval is known for a group with a rhythm (from its history or its expectation) or an interval.
  const intervals = useMemo(() => {
    if (!cadence) return null;
    if (!cadence.rhythms.size) return cadence.intervals;
    const all = new Map(cadence.intervals);
    for (const [key, rhythm] of cadence.rhythms) all.set(key, rhythm.intervalSeconds);
    return all;
  }, [cadence]);
  const ctx: StateContext = useMemo(() => ({ staleKeys, lateKeys, intervals }), [staleKeys, lateKeys, intervals]);
  // The list depends on the clock only where it must: sorting by how late groups are.
  const sortLateness = find.sort === 'overdue' ? lateness : null;
  const gw = useGatewayView(groups, find);
  // Regex matchers load the RE2 engine first (see useParsedQuery).
  const parsed = useParsedQuery(find.text);
  const filters = useMemo(
    () => ({
      query: parsed.ok ? parsed.query : EMPTY_QUERY,
      states: find.states.size ? { want: find.states, ctx } : null,
      family: find.family,
      dueOnly: find.dueOnly ? (dueKeys ?? new Set<string>()) : null,
      ...gw.filters,
    }),
    [parsed, find.states, ctx, find.family, find.dueOnly, dueKeys, gw.filters],
  );
  // Filtering 10,000 groups takes a few milliseconds: one synchronous render beats a deferred second one.
  const shown = useMemo(
    () => (groups ? filterAndSort(groups, filters, find.sort, sortLateness ?? undefined) : []),
    [groups, filters, find.sort, sortLateness],
  );
  useEffect(() => (groups ? warmFiltering(groups) : undefined), [groups]);
  const families = useMemo(() => (groups ? familyCounts(groups) : []), [groups]);
  // The quick filters count within what the text, family and picked gateways let through.
  // With no quick filter on, that is what is shown (in some order): no second pass over every group.
  const around = useMemo(() => {
    const scope = withoutQuickFilters(filters);
    if (!groups || !scope) return groups ?? [];
    return hasQuickFilter(filters) ? filterAndSort(groups, scope, 'job') : shown;
  }, [groups, filters, shown]);
  const stateCounts = useMemo(() => {
    const counts = Object.fromEntries(STATE_FILTERS.map((s) => [s, 0])) as Record<StateFilter, number>;
    for (const g of around) for (const s of STATE_FILTERS) if (matchesState(g, s, ctx)) counts[s]++;
    return counts;
  }, [around, ctx]);
  const dueCount = useMemo(() => (dueKeys ? around.filter((g) => dueKeys.has(g.key)).length : null), [around, dueKeys]);
  const duplicatedCount = useMemo(
    () => (gw.duplicateKeys ? around.filter((g) => gw.duplicateKeys!.has(g.key)).length : null),
    [around, gw.duplicateKeys],
  );
  return {
    threshold,
    stale,
    staleKeys,
    lateKeys,
    ctx,
    gw,
    parsed,
    filters,
    filtering: isFiltering(filters),
    shown,
    families,
    stateCounts,
    dueCount,
    duplicatedCount,
  };
}
