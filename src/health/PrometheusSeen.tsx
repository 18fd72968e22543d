import { useQuery } from '@tanstack/react-query';
import type { Group } from '../../core/metrics-types';
import { decodeSeenView } from '../../core/wire/prometheus';
import { TimeAgo } from '../components/TimeAgo';
import { fetchServerJson } from '../data';
import { familySelector, graphUrl } from './graph-link';
import { usePrometheusView } from './prometheus-view';

const PATH = '-/pushboard/prometheus/group';

const linkClass = 'text-teal-800 dark:text-teal-300 underline hover:no-underline';

/** In an expanded group: does Prometheus hold its push time, and a way to its series there. */
export function PrometheusSeen({ group }: { group: Group }) {
  const prometheus = usePrometheusView().data;
  const configured = prometheus?.configured === true;
  const { data, error } = useQuery({
    queryKey: ['pushboard', 'prometheus', 'group', group.key],
    queryFn: async ({ signal }) => {
      const url = new URL(PATH, document.baseURI);
      url.searchParams.set('key', group.key);
      const notFound = () => {
        throw new Error('The server no longer knows this group.');
      };
      return fetchServerJson(url, decodeSeenView, { signal, notFound });
    },
    enabled: configured,
    refetchInterval: 15_000,
    retry: false,
  });
  if (!configured) return null;
  return (
    <section
      aria-label="Prometheus"
      className="border-t border-slate-200 dark:border-slate-700 px-4 py-2 text-sm text-slate-700 dark:text-slate-200"
    >
      {error ? (
        <p>Prometheus: {error.message}</p>
      ) : !data ? (
        <p className="text-slate-500 dark:text-slate-400">Asking Prometheus…</p>
      ) : data.state === 'unavailable' ? (
        <p>Prometheus cannot say: {data.reason}</p>
      ) : (
        <>
          <p>
            {data.state === 'seen' ? (
              <>
                <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-300">
                  ●{' '}
                </span>
                Seen by Prometheus: <code className="font-mono">push_time_seconds</code>{' '}
                {data.lastScrape !== null && (
                  <>
                    last scraped <TimeAgo ms={data.lastScrape} />
                  </>
                )}
                {data.pushTime !== null && data.pushTime !== group.pushTime && group.pushTime > 0 && (
                  <> (an older push than the gateway holds: the next scrape brings the latest)</>
                )}
                .
              </>
            ) : (
              <>
                <span aria-hidden="true" className="text-red-700 dark:text-red-300">
                  ✕{' '}
                </span>
                Not seen by Prometheus: it holds no <code className="font-mono">push_time_seconds</code> for this group
                now. A push since its last scrape shows after the next one; otherwise see the Prometheus card on the
                status page.
              </>
            )}
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" aria-label="Open in Prometheus">
            {[...group.families.map((f) => f.name), 'push_time_seconds'].map((name) => (
              <li key={name}>
                <a
                  className={linkClass}
                  href={graphUrl(data.graphBase, familySelector(name, data.matchers))}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={`Open ${name} in Prometheus`}
                >
                  <code className="font-mono">{name}</code> in Prometheus
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
