import { formatExactTime } from '../lib/format';
import { TimeAgo } from '../components/TimeAgo';

/**
 * The one page-level alert for connection trouble: what failed, and when data last arrived. The
 * page keeps showing that data, marked stale, and the alert goes away by itself on the next success.
 */
export function ConnectionAlert({
  error,
  lastSuccess,
  retrying,
}: {
  error: Error;
  lastSuccess: number;
  retrying: boolean;
}) {
  const retry = retrying ? ' Retrying automatically.' : ' Polling is paused: use Refresh now to try again.';
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-900 dark:text-red-200"
    >
      <p className="font-semibold">Cannot load data from the Pushgateway.</p>
      <p className="mt-1 [overflow-wrap:anywhere]">{error.message}</p>
      <p className="mt-1">
        {lastSuccess > 0 ? (
          <>
            Last successful update: {formatExactTime(lastSuccess)} (<TimeAgo ms={lastSuccess} />
            ). The data below is from then and may be out of date.{retry}
          </>
        ) : (
          `No data has been loaded yet.${retry}`
        )}
      </p>
    </div>
  );
}
