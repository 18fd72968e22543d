import { useMemo, type MouseEvent } from 'react';
import { useLocation } from 'wouter';
import { STATE_BADGE, STATE_MARK, type GroupState } from '../components/state';
import { useGroups } from '../data';
import { staleGroups } from './cleanup/staleness';
import { useStaleThreshold } from './cleanup/useStaleThreshold';
import { summarize } from './find/filter';
import { countOf } from '../lib/format';
import { useNow } from '../lib/useNow';
import { usePolling } from '../polling/PollingContext';
import { currentSearch } from '../lib/useUrlParam';
import { Card } from '../components/Card';
import { useCadence } from '../health/api';
import { OVERDUE_BADGE, OVERDUE_MARK } from '../health/CadenceBadge';
import { overdueGroups } from '../health/overdue';

const LINK =
  'inline-flex items-center gap-1.5 rounded px-2.5 py-1 text-sm font-semibold tabular-nums hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600';

const LABELS: Record<GroupState, [string, string]> = {
  fresh: ['fresh group', 'fresh groups'],
  stale: ['stale group', 'stale groups'],
  failed: ['failed push', 'failed pushes'],
};

/** How many groups are fresh, stale and failed, in the list's colours; each opens the list filtered to them. */
export function GroupStates() {
  const { refetchInterval } = usePolling();
  const { data } = useGroups(refetchInterval);
  const threshold = useStaleThreshold();
  const now = useNow();
  const [, navigate] = useLocation();
  const cadence = useCadence();
  const summary = useMemo(() => {
    if (!data) return undefined;
    const stale = staleGroups(data.groups, threshold.seconds, now, cadence?.staleAfter);
    return summarize(data.groups, new Set(stale.map((g) => g.key)));
  }, [data, threshold.seconds, now, cadence]);
  const overdue = useMemo(() => (data ? overdueGroups(data.groups, cadence, now) : null), [data, cadence, now]);

  const searchFor = (state: GroupState | 'overdue') => {
    const params = new URLSearchParams(currentSearch());
    params.delete('only');
    params.set('only', state);
    return `?${params}`;
  };
  const open = (e: MouseEvent, state: GroupState | 'overdue') => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(`/${searchFor(state)}`);
  };

  return (
    <Card title="Groups">
      {!summary ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading groups…</p>
      ) : (
        <>
          <ul className="flex flex-wrap gap-2">
            {(['fresh', 'stale', 'failed'] as const).map((state) => (
              <li key={state}>
                <a
                  href={`${searchFor(state)}#/`}
                  onClick={(e) => open(e, state)}
                  className={`${LINK} ${STATE_BADGE[state]}`}
                >
                  <span aria-hidden="true">{STATE_MARK[state]}</span>
                  {countOf(summary[state], ...LABELS[state])}
                </a>
              </li>
            ))}
            {overdue && (
              <li>
                <a
                  href={`${searchFor('overdue')}#/`}
                  onClick={(e) => open(e, 'overdue')}
                  className={`${LINK} ${OVERDUE_BADGE}`}
                >
                  <span aria-hidden="true">{OVERDUE_MARK}</span>
                  {countOf(overdue.size, 'overdue group', 'overdue groups')}
                </a>
              </li>
            )}
          </ul>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            {countOf(summary.groups, 'group', 'groups')} in {countOf(summary.jobs, 'job', 'jobs')}. Stale means no
            successful push for over <span className="font-mono">{threshold.text}</span>; failed means the last push was
            rejected
            {summary.staleAndFailed > 0 &&
              ` (${countOf(summary.staleAndFailed, 'group is', 'groups are')} both, and counted in each)`}
            .
            {overdue &&
              ' Overdue means late for its own rhythm: written in the configuration, or learned from its pushes.'}
          </p>
        </>
      )}
    </Card>
  );
}
