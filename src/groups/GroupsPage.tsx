import { useEffect, useMemo } from 'react';
import { button } from '../components/styles';
import { useGlobalKeydown } from '../lib/useGlobalKeydown';
import { ConnectionAlert } from '../polling/ConnectionAlert';
import { PollControls } from '../polling/PollControls';
import { usePolling } from '../polling/PollingContext';
import { useNow } from '../lib/useNow';
import { sameItems, sameMembers, useSteady } from '../lib/useSteady';
import { useGroups } from './api';
import { usePollSource } from './poll-source';
import { CleanupBar } from './cleanup/CleanupBar';
import { CleanupProvider, useCleanup, useCleanupState } from './cleanup/CleanupContext';
import { StaleThreshold } from './cleanup/StaleThreshold';
import { staleGroups } from './cleanup/staleness';
import { useStaleThreshold } from './cleanup/useStaleThreshold';
import { EmptyGateway } from './EmptyGateway';
import {
  familyCounts,
  filterAndSort,
  hasQuickFilter,
  isFiltering,
  summarize,
  warmFiltering,
  withoutQuickFilters,
} from './find/filter';
import { FilterBar } from './find/FilterBar';
import { EMPTY_QUERY, parseQuery } from '../../core/matchers';
import { SummaryBar } from './find/SummaryBar';
import { useFindState } from './find/useFindState';
import { GroupList } from './GroupList';
import { firstDue } from '../../core/prune';
import { usePruneRules } from '../prune/api';
import { CopyButton } from '../components/CopyButton';
import { pruneRuleFor } from '../prune/rule-yaml';
import { useCadence } from '../health/api';
import { overdueGroups } from '../health/overdue';
import { GatewaysDownAlert, GatewaysDownContext } from './GatewaysDown';
import { useGatewayView } from './useGatewayView';
import { formatCount } from '../lib/format';

/** Nothing is overdue while no usual intervals are known. */
const NOTHING_LATE: ReadonlySet<string> = new Set();

export function GroupsPage() {
  return (
    <CleanupProvider>
      <GroupsView />
    </CleanupProvider>
  );
}

function GroupsView() {
  const { refetchInterval } = usePolling();
  const source = usePollSource();
  const { readOnly } = useCleanup();
  const { selected, dialogOpen } = useCleanupState();
  // Nothing moves under the cursor while a confirmation is open.
  const { data, error, dataUpdatedAt } = useGroups(dialogOpen ? false : refetchInterval);
  const threshold = useStaleThreshold();
  const find = useFindState();
  const now = useNow();

  const groups = data?.groups;
  // Each of these is kept as it was while the clock's tick changes nothing in it (useSteady).
  const cadence = useCadence();
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
  // The list depends on the clock only where it must: sorting by how late groups are.
  const overdueFilter = find.overdueOnly ? (lateKeys ?? NOTHING_LATE) : null;
  const sortLateness = find.sort === 'overdue' ? lateness : null;
  const gw = useGatewayView(groups, find);
  const parsed = useMemo(() => parseQuery(find.text), [find.text]);
  const filters = useMemo(
    () => ({
      query: parsed.ok ? parsed.query : EMPTY_QUERY,
      failedOnly: find.failedOnly,
      staleOnly: find.staleOnly,
      freshOnly: find.freshOnly,
      family: find.family,
      dueOnly: find.dueOnly ? (dueKeys ?? new Set<string>()) : null,
      overdueOnly: overdueFilter,
      ...gw.filters,
    }),
    [
      parsed,
      find.failedOnly,
      find.staleOnly,
      find.freshOnly,
      find.family,
      find.dueOnly,
      dueKeys,
      overdueFilter,
      gw.filters,
    ],
  );
  // Filtering 10,000 groups takes a few milliseconds: one synchronous render beats a deferred second one.
  const active = filters;
  const shown = useMemo(
    () => (groups ? filterAndSort(groups, active, staleKeys, find.sort, sortLateness ?? undefined) : []),
    [groups, active, staleKeys, find.sort, sortLateness],
  );
  useEffect(() => (groups ? warmFiltering(groups) : undefined), [groups]);
  const families = useMemo(() => (groups ? familyCounts(groups) : []), [groups]);
  // The quick filters count within what the text, family and picked gateways let through.
  // With no quick filter on, that is what is shown (in some order): no second pass over every group.
  const around = useMemo(() => {
    const scope = withoutQuickFilters(filters);
    if (!groups || !scope) return groups ?? [];
    return hasQuickFilter(filters) ? filterAndSort(groups, scope, staleKeys, 'job') : shown;
  }, [groups, filters, staleKeys, shown]);
  const aroundCounts = useMemo(
    () => ({
      stale: around.filter((g) => staleKeys.has(g.key)).length,
      failed: around.filter((g) => !g.lastPushSuccessful).length,
      due: dueKeys ? around.filter((g) => dueKeys.has(g.key)).length : null,
      overdue: lateKeys ? around.filter((g) => lateKeys.has(g.key)).length : null,
      duplicated: gw.duplicateKeys ? around.filter((g) => gw.duplicateKeys!.has(g.key)).length : null,
    }),
    [around, staleKeys, dueKeys, lateKeys, gw.duplicateKeys],
  );
  const downList = data?.gatewaysDown;
  const downByName = useMemo(() => new Map((downList ?? []).map((g) => [g.name, g])), [downList]);
  const summary = useMemo(() => summarize(groups ?? [], staleKeys), [groups, staleKeys]);

  const { setText, text } = find;
  useGlobalKeydown((e) => {
    if (e.key !== 'Escape' || !text) return false;
    setText('');
  });

  const outOfDate = Boolean(error && data);
  const pruneRule = parsed.ok ? pruneRuleFor(parsed.query, threshold.text) : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Groups</h1>
        <PollControls updatedAt={dataUpdatedAt} source={source} />
      </div>
      {error && (
        <ConnectionAlert
          error={error}
          lastSuccess={dataUpdatedAt}
          retrying={refetchInterval !== false}
          pace={source.kind === 'browser' ? source.pace : undefined}
        />
      )}
      {data?.gatewaysDown && <GatewaysDownAlert down={data.gatewaysDown} />}
      {!data && !error && <p className="text-slate-500 dark:text-slate-400">Loading groups…</p>}
      {data && data.groups.length > 0 && (
        <div className="space-y-2 rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-3 py-2">
          <SummaryBar summary={summary} find={find} overdue={lateKeys?.size ?? null} gateways={gw.counts} />
          <FilterBar
            find={find}
            error={parsed.ok ? undefined : parsed.error}
            families={families}
            staleCount={aroundCounts.stale}
            failedCount={aroundCounts.failed}
            dueCount={aroundCounts.due}
            overdueCount={aroundCounts.overdue}
            duplicatedCount={aroundCounts.duplicated}
          />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <StaleThreshold value={threshold.text} onChange={threshold.set} />
            {pruneRule && <CopyButton text={pruneRule} label="Copy as prune rule" />}
            {data.partial ? (
              <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
                Loading all {formatCount(data.partial)} groups…
              </p>
            ) : (
              !readOnly && (
                <CleanupBar
                  groups={data.groups}
                  shown={shown}
                  filtering={isFiltering(active)}
                  stale={stale}
                  onShowAll={find.clear}
                />
              )
            )}
          </div>
        </div>
      )}
      {data && (
        <div
          aria-describedby={outOfDate ? 'stale-note' : undefined}
          className={outOfDate ? 'border-l-4 border-dashed border-red-300 dark:border-red-800 pl-3' : ''}
        >
          {outOfDate && (
            <p id="stale-note" className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
              Out of date: showing the data last received.
            </p>
          )}
          {data.groups.length === 0 ? (
            <EmptyGateway />
          ) : shown.length === 0 ? (
            <NoMatch hidden={data.groups.length} onClear={find.clear} />
          ) : (
            <>
              {isFiltering(active) && (
                <p className="text-sm text-slate-600 dark:text-slate-300" role="status">
                  Showing {formatCount(shown.length)} of {formatCount(data.groups.length)}{' '}
                  {data.groups.length === 1 ? 'group' : 'groups'}.
                </p>
              )}
              <GatewaysDownContext value={downByName}>
                <GroupList
                  groups={shown}
                  arrangement={gw.arrangementFor(find.sort)}
                  staleKeys={staleKeys}
                  selected={selected}
                  open={find.open}
                  onToggle={find.toggleOpen}
                  duplicates={gw.duplicates}
                />
              </GatewaysDownContext>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** Only reached with a filter on: without one, every group shows. */
function NoMatch({ hidden, onClear }: { hidden: number; onClear: () => void }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-6 text-center text-slate-600 dark:text-slate-300">
      <p>No group matches these filters ({formatCount(hidden)} hidden).</p>
      <button type="button" onClick={onClear} className={button('plain', 'mt-2 font-normal')}>
        Clear filters
      </button>
    </div>
  );
}
