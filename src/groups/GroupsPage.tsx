import { useMemo } from 'react';
import { ConnectionAlert } from '../polling/ConnectionAlert';
import { PollControls } from '../polling/PollControls';
import { usePolling } from '../polling/PollingContext';
import { countOf } from '../lib/format';
import { useNow } from '../lib/useNow';
import { useUrlParam } from '../lib/useUrlParam';
import { useGroups } from './api';
import { CleanupBar } from './cleanup/CleanupBar';
import { CleanupProvider, useCleanup, useCleanupState } from './cleanup/CleanupContext';
import { StaleThreshold } from './cleanup/StaleThreshold';
import { staleGroups } from './cleanup/staleness';
import { useStaleThreshold } from './cleanup/useStaleThreshold';
import { EmptyGateway } from './EmptyGateway';
import { JobSection } from './JobSection';

export function GroupsPage() {
  return (
    <CleanupProvider>
      <GroupsView />
    </CleanupProvider>
  );
}

function GroupsView() {
  const { refetchInterval } = usePolling();
  const { readOnly } = useCleanup();
  const { selected, dialogOpen } = useCleanupState();
  // Nothing moves under the cursor while a confirmation is open.
  const query = useGroups(dialogOpen ? false : refetchInterval);
  const { data, error, dataUpdatedAt } = query;
  const threshold = useStaleThreshold();
  const [only, setOnly] = useUrlParam('only');
  const onlyStale = only === 'stale';
  const now = useNow();

  const stale = useMemo(
    () => (data ? staleGroups(data.groups, threshold.seconds, now) : []),
    [data, threshold.seconds, now],
  );
  const staleKeys = useMemo(() => new Set(stale.map((g) => g.key)), [stale]);
  const jobs = useMemo(() => {
    if (!data || !onlyStale) return data?.jobs ?? [];
    return data.jobs
      .map((j) => ({ job: j.job, groups: j.groups.filter((g) => staleKeys.has(g.key)) }))
      .filter((j) => j.groups.length > 0);
  }, [data, onlyStale, staleKeys]);
  const isStale = Boolean(error && data);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-slate-900">
          Groups
          {data && (
            <span className="ml-2 text-sm font-normal text-slate-500">
              {countOf(data.groups.length, 'group', 'groups')} in {countOf(data.jobs.length, 'job', 'jobs')}
            </span>
          )}
        </h1>
        <PollControls updatedAt={dataUpdatedAt} />
      </div>
      {error && <ConnectionAlert error={error} lastSuccess={dataUpdatedAt} retrying={refetchInterval !== false} />}
      {data && data.groups.length > 0 && (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2">
          <StaleThreshold value={threshold.text} onChange={threshold.set} />
          <button
            type="button"
            aria-pressed={onlyStale}
            onClick={() => setOnly(onlyStale ? null : 'stale')}
            className="rounded border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-600 aria-pressed:border-amber-500 aria-pressed:bg-amber-50"
          >
            Only stale groups ({stale.length})
          </button>
          {!readOnly && <CleanupBar groups={data.groups} stale={stale} />}
        </div>
      )}
      {!data && !error && <p className="text-slate-500">Loading groups…</p>}
      {data && (
        <div aria-describedby={isStale ? 'stale-note' : undefined} className={isStale ? 'opacity-60 grayscale' : ''}>
          {isStale && (
            <p id="stale-note" className="mb-2 text-sm font-semibold text-slate-700">
              Out of date: showing the data last received.
            </p>
          )}
          {data.groups.length === 0 ? (
            <EmptyGateway />
          ) : jobs.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
              No group is stale: every group was pushed within the last {threshold.text}.
            </p>
          ) : (
            <div className="space-y-6">
              {jobs.map((section) => (
                <JobSection key={section.job} section={section} staleKeys={staleKeys} selected={selected} />
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
