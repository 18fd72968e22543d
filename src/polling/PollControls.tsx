import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { button, CONTROL } from '../components/styles';
import { TimeAgo } from '../components/TimeAgo';
import { gatewayKeys } from '../gateway/keys';
import { formatWait, REFUSALS, SLOW_FACTOR, type Pace, type PollSource } from '../data';
import { inEffect } from './in-effect';
import { useHidden } from './useHidden';
import { POLL_INTERVALS, usePolling } from './PollingContext';

const label = (ms: number) => (ms < 60_000 ? `${ms / 1000} s` : `${ms / 60_000} min`);

/** Why the browser polls at another interval than the one chosen; undefined when it does not. */
export function paceNote(pace: Pace | undefined): string | undefined {
  if (!pace || pace.reason === 'chosen') return undefined;
  const wait = formatWait(pace.delayMs);
  if (pace.reason === 'slow') {
    return `Polling every ${wait}: the gateway took ${formatWait(pace.fetchMs)} to answer, and Pushboard waits at least ${SLOW_FACTOR} times that.`;
  }
  const refusal = `${pace.status} ${REFUSALS[pace.status] ?? ''}`.trim();
  return pace.reason === 'retry-after'
    ? `Next poll in ${wait}: the gateway answered ${refusal} and asked, with Retry-After, to wait.`
    : `Next poll in ${wait}: the gateway answered ${refusal} without a Retry-After, so Pushboard backs off.`;
}

/**
 * Refresh interval (the browser's own, or the server's as text), pause/resume, refresh now, and
 * when data last arrived. Paused, the page stops applying new data; Refresh now still fetches it.
 */
export function PollControls({ updatedAt, source = { kind: 'browser' } }: { updatedAt: number; source?: PollSource }) {
  const { intervalMs, setIntervalMs, paused, setPaused } = usePolling();
  const fetching = useIsFetching({ queryKey: gatewayKeys.metrics() }) > 0;
  const queryClient = useQueryClient();
  const intervals = (POLL_INTERVALS as readonly number[]).includes(intervalMs)
    ? POLL_INTERVALS
    : [...POLL_INTERVALS, intervalMs].sort((a, b) => a - b);
  const [refreshing, setRefreshing] = useState(false);
  const hidden = useHidden();
  const note = paused || source.kind !== 'browser' ? undefined : paceNote(source.pace);
  const effect =
    paused || source.kind !== 'browser'
      ? undefined
      : inEffect({ pace: source.pace, chosenMs: intervalMs, tabs: source.tabs, hidden });
  const refetch = () => void queryClient.invalidateQueries({ queryKey: gatewayKeys.metrics() });
  const refresh = () => {
    if (!source.refresh) return refetch();
    // The server polls; its answer comes once that poll has ended, and its data through the
    // stream (fetched from it here too, for a paused page).
    setRefreshing(true);
    source
      .refresh()
      .catch(() => {}) // a server out of reach already shows as a lost stream
      .finally(() => {
        setRefreshing(false);
        refetch();
      });
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
        <span className="inline-flex items-center gap-1.5" aria-live="off">
          <span
            aria-hidden="true"
            className={`size-2 rounded-full ${fetching || refreshing ? 'animate-pulse bg-teal-500' : paused ? 'bg-slate-400 dark:bg-slate-500' : 'bg-teal-700'}`}
          />
          {updatedAt > 0 ? <TimeAgo ms={updatedAt} prefix="Updated " /> : 'Not loaded yet'}
        </span>
        {source.kind === 'server' ? (
          <span>
            {source.intervalMs ? `Server polls every ${formatWait(source.intervalMs)}` : 'Server polls the gateway'}
          </span>
        ) : (
          <label className="inline-flex items-center gap-1">
            <span>Refresh every</span>
            <select className={CONTROL} value={intervalMs} onChange={(e) => setIntervalMs(Number(e.target.value))}>
              {intervals.map((ms) => (
                <option key={ms} value={ms}>
                  {label(ms)}
                </option>
              ))}
            </select>
          </label>
        )}
        {effect && <output aria-label="Interval in effect">{effect}</output>}
        <button
          type="button"
          className={button('plain', 'font-normal')}
          aria-pressed={paused}
          onClick={() => setPaused(!paused)}
        >
          {paused ? 'Resume polling' : 'Pause polling'}
        </button>
        <button type="button" className={button('plain', 'font-normal')} onClick={refresh}>
          Refresh now
        </button>
      </div>
      {note && (
        <p role="status" aria-label="Polling pace" className="text-xs text-slate-600 dark:text-slate-300">
          {note}
        </p>
      )}
    </div>
  );
}
