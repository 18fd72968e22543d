import { formatExactTime } from '../lib/format';
import { ExactTime, TimeAgo } from '../components/TimeAgo';
import { useTimeZone, type TimeZoneChoice } from '../lib/time-zone';
import { formatWait, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, REFUSALS, type Pace } from '../data';

type Refusal = Extract<Pace, { reason: 'retry-after' | 'backoff' }>;

/** What a 429 or 503 means, and when the next try comes, in words. */
function refusalWords(pace: Refusal, zone: TimeZoneChoice): { title: string; next: string } {
  const status = `${pace.status} ${REFUSALS[pace.status] ?? ''}`.trim();
  const title =
    pace.status === 429
      ? `The gateway asked us to slow down (${status}).`
      : `The gateway is unavailable for now (${status}).`;
  const when = `Next try in ${formatWait(pace.delayMs)} (at ${formatExactTime(pace.nextAt, zone)})`;
  if (pace.reason === 'backoff') {
    return {
      title,
      next: `${when}: it sent no Retry-After, so Pushboard doubles its wait after each refusal in a row, up to ${formatWait(MAX_BACKOFF_MS)}.`,
    };
  }
  const asked = formatWait(pace.askedMs);
  const next =
    pace.askedMs > MAX_RETRY_AFTER_MS
      ? `${when}: its Retry-After asked for ${asked}, and Pushboard waits at most ${formatWait(MAX_RETRY_AFTER_MS)}.`
      : pace.askedMs < pace.delayMs
        ? `${when}, the usual interval: its Retry-After asked for ${asked}.`
        : `${when}, as its Retry-After asked.`;
  return { title, next };
}

/**
 * The one page-level alert for connection trouble: what failed, and when data last arrived. The
 * page keeps showing that data, marked stale, and the alert goes away by itself on the next success.
 * `pace`: polling from the browser, when the gateway refused (429, 503) it says when the next try is.
 */
export function ConnectionAlert({
  error,
  lastSuccess,
  retrying,
  pace,
}: {
  error: Error;
  lastSuccess: number;
  retrying: boolean;
  pace?: Pace;
}) {
  const [zone] = useTimeZone();
  const refusal = pace?.reason === 'retry-after' || pace?.reason === 'backoff' ? refusalWords(pace, zone) : undefined;
  const retry = !retrying
    ? ' Polling is paused: use Refresh now to try again.'
    : refusal
      ? ''
      : ' Retrying automatically.';
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-900 dark:text-red-200"
    >
      <p className="font-semibold">{refusal?.title ?? 'Cannot load data from the Pushgateway.'}</p>
      <p className="mt-1 [overflow-wrap:anywhere]">{error.message}</p>
      {refusal && retrying && <p className="mt-1">{refusal.next}</p>}
      <p className="mt-1">
        {lastSuccess > 0 ? (
          <>
            Last successful update: <ExactTime ms={lastSuccess} /> (<TimeAgo ms={lastSuccess} />
            ). The data below is from then and may be out of date.{retry}
          </>
        ) : (
          `No data has been loaded yet.${retry}`
        )}
      </p>
    </div>
  );
}
