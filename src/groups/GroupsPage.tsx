import { useCadenceFollows } from '../health/useCadenceFollows';
import { useMemo } from 'react';
import { button } from '../components/styles';
import { Disclosure } from '../components/Disclosure';
import { useGlobalKeydown } from '../lib/useGlobalKeydown';
import { ConnectionAlert } from '../polling/ConnectionAlert';
import { PollControls } from '../polling/PollControls';
import { usePolling } from '../polling/PollingContext';
import { useGroups, usePollSource } from '../data';
import { CleanupBar } from './cleanup/CleanupBar';
import { CleanupProvider, useCleanup, useCleanupState } from './cleanup/CleanupContext';
import { summarize } from './find/filter';
import { FilterBar } from './find/FilterBar';
import { ListOptions } from './find/ListOptions';
import { SummaryBar } from './find/SummaryBar';
import { useDensity } from './find/useDensity';
import { useFindState } from './find/useFindState';
import { GroupList } from './GroupList';
import { EmptyGateway } from './EmptyGateway';
import { pruneRuleFor } from '../prune/rule-yaml';
import { GatewaysDownAlert, GatewaysDownContext } from './GatewaysDown';
import { ExportMenu } from './export/ExportMenu';
import { formatCount } from '../lib/format';
import { useGroupsView } from './useGroupsView';
import { useJobsOpen } from './jobs/useJobsOpen';
import { FoldAll, ListStatus } from './jobs/ListStatus';
import { countStates } from './states';

/**
 * Up to this many groups the page opens with every job's groups shown; above it, on the job
 * overview (every job folded) unless a filter is on or the URL says otherwise.
 */
export const OVERVIEW_ABOVE = 50;

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
  const find = useFindState();
  const [density, setDensity] = useDensity();
  const groups = data?.groups;
  useCadenceFollows(groups);
  const view = useGroupsView(groups, find);
  const { ctx, gw, shown, filtering } = view;
  const loading = data?.partial !== undefined;
  const total = data?.partial ?? groups?.length ?? 0;
  const jobs = useJobsOpen(filtering || total <= OVERVIEW_ABOVE);
  const summary = useMemo(() => summarize(groups ?? [], view.staleKeys), [groups, view.staleKeys]);
  const gatewayCounts = useMemo(
    () =>
      gw.counts?.map(([name]) => [name, countStates(groups?.filter((g) => g.gateway === name) ?? [], ctx)] as const) ??
      null,
    [gw.counts, groups, ctx],
  );

  const downList = data?.gatewaysDown;
  const downByName = useMemo(() => new Map((downList ?? []).map((g) => [g.name, g])), [downList]);

  const { setText, text } = find;
  useGlobalKeydown((e) => {
    if (e.key === 'Escape' && text) setText('');
    else if (e.key === '-' && find.sort === 'job') jobs.setAll(false);
    else if ((e.key === '+' || e.key === '=') && find.sort === 'job') jobs.setAll(true);
    else return false;
    return true;
  });

  const outOfDate = Boolean(error && data);
  const pruneRule = view.parsed.ok ? pruneRuleFor(view.parsed.query, view.threshold.text) : null;
  const cleanup = (part: 'selection' | 'bulk') =>
    data && !loading && !readOnly ? (
      <CleanupBar
        groups={data.groups}
        shown={shown}
        filtering={filtering}
        stale={view.stale}
        onShowAll={find.clear}
        part={part}
      />
    ) : null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <div className="flex flex-wrap items-center gap-x-2">
          <h1 className="text-lg font-semibold text-slate-900 dark:text-slate-50">Groups</h1>
          {data && data.groups.length > 0 && (
            <SummaryBar summary={summary} find={find} loading={loading} filtering={filtering} />
          )}
          {data && (
            <ListStatus
              shown={shown.length}
              total={data.groups.length}
              partialOf={data.partial}
              filtering={filtering}
            />
          )}
        </div>
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
        <>
          <FilterBar
            find={find}
            error={view.parsed.ok ? undefined : view.parsed.error}
            stateCounts={loading ? null : view.stateCounts}
            overdueKnown={view.lateKeys !== null}
          >
            {find.sort === 'job' && <FoldAll onAll={jobs.setAll} />}
            <Disclosure label="Options">
              <ListOptions
                find={find}
                threshold={view.threshold}
                families={view.families}
                dueCount={view.dueCount}
                duplicatedCount={view.duplicatedCount}
                pruneRule={pruneRule}
                multi={gw.multi}
                overdueKnown={view.lateKeys !== null}
                density={density}
                onDensity={setDensity}
              />
            </Disclosure>
            {!loading && <ExportMenu groups={shown} />}
            {!readOnly && !loading && <Disclosure label="Actions">{cleanup('bulk')}</Disclosure>}
          </FilterBar>
          {gatewayCounts && <SummaryBar summary={summary} find={find} loading={loading} gateways={gatewayCounts} />}
          {cleanup('selection')}
        </>
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
            <GatewaysDownContext value={downByName}>
              <GroupList
                groups={shown}
                arrangement={gw.arrangementFor(find.sort)}
                ctx={ctx}
                loading={loading}
                jobOrder={find.jobOrder}
                isJobOpen={jobs.isOpen}
                onToggleJob={jobs.toggle}
                staleKeys={view.staleKeys}
                selected={selected}
                open={find.open}
                onToggle={find.toggleOpen}
                duplicates={gw.duplicates}
                compact={density === 'compact'}
              />
            </GatewaysDownContext>
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
