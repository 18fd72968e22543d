import { ConnectionAlert } from '../polling/ConnectionAlert';
import { PollControls } from '../polling/PollControls';
import { usePolling } from '../polling/PollingContext';
import { countOf } from '../lib/format';
import { useGroups } from './api';
import { EmptyGateway } from './EmptyGateway';
import { JobSection } from './JobSection';

export function GroupsPage() {
  const { refetchInterval } = usePolling();
  const query = useGroups(refetchInterval);
  const { data, error, dataUpdatedAt } = query;
  const stale = Boolean(error && data);
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
      {!data && !error && <p className="text-slate-500">Loading groups…</p>}
      {data && (
        <div aria-describedby={stale ? 'stale-note' : undefined} className={stale ? 'opacity-60 grayscale' : ''}>
          {stale && (
            <p id="stale-note" className="mb-2 text-sm font-semibold text-slate-700">
              Stale data: shown as last received.
            </p>
          )}
          {data.groups.length === 0 ? (
            <EmptyGateway />
          ) : (
            <div className="space-y-6">
              {data.jobs.map((section) => (
                <JobSection key={section.job} section={section} />
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
