import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { button, CONTROL } from '../components/styles';
import { TimeAgo } from '../components/TimeAgo';
import { gatewayKeys } from '../gateway/keys';
import { POLL_INTERVALS, usePolling } from './PollingContext';

const label = (ms: number) => (ms < 60_000 ? `${ms / 1000} s` : `${ms / 60_000} min`);

/** Refresh interval, pause/resume, refresh now, and when data last arrived. */
export function PollControls({ updatedAt }: { updatedAt: number }) {
  const { intervalMs, setIntervalMs, paused, setPaused } = usePolling();
  const fetching = useIsFetching({ queryKey: gatewayKeys.metrics() }) > 0;
  const queryClient = useQueryClient();
  const intervals = (POLL_INTERVALS as readonly number[]).includes(intervalMs)
    ? POLL_INTERVALS
    : [...POLL_INTERVALS, intervalMs].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      <span className="inline-flex items-center gap-1.5" aria-live="off">
        <span
          aria-hidden="true"
          className={`size-2 rounded-full ${fetching ? 'animate-pulse bg-teal-500' : paused ? 'bg-slate-400 dark:bg-slate-500' : 'bg-teal-700'}`}
        />
        {updatedAt > 0 ? <TimeAgo ms={updatedAt} prefix="Updated " /> : 'Not loaded yet'}
      </span>
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
      <button
        type="button"
        className={button('plain', 'font-normal')}
        aria-pressed={paused}
        onClick={() => setPaused(!paused)}
      >
        {paused ? 'Resume polling' : 'Pause polling'}
      </button>
      <button
        type="button"
        className={button('plain', 'font-normal')}
        onClick={() => void queryClient.invalidateQueries({ queryKey: gatewayKeys.metrics() })}
      >
        Refresh now
      </button>
    </div>
  );
}
