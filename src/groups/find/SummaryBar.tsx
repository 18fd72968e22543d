import { countOf } from '../../lib/format';
import type { Summary } from './filter';
import type { FindState } from './useFindState';
import type { StateCounts } from '../states';
import { StateCountMarks } from '../jobs/StateCountMarks';

const item =
  'rounded border border-transparent px-1.5 py-0.5 text-sm tabular-nums hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-teal-600';

/**
 * The gateway at a glance: its totals (each clears the filters). With several gateways, each one
 * with its groups by state, a toggle that shows its groups (several: any of them). While the
 * snapshot is still arriving no number shows: a partial total would read as final.
 */
export function SummaryBar({
  summary,
  find,
  loading,
  filtering = false,
  gateways = null,
}: {
  filtering?: boolean;
  /** Without gateways: the totals; with: only the gateways (a line of its own under the toolbar). */
  summary: Summary;
  find: FindState;
  loading: boolean;
  /** With several gateways, each one's name and counts; null with one. */
  gateways?: ReadonlyArray<readonly [string, StateCounts]> | null;
}) {
  const totals: Array<[number, string, string]> = [
    [summary.groups, 'group', 'groups'],
    [summary.jobs, 'job', 'jobs'],
  ];
  // While a filter is on, "Showing N of M groups" takes the room of the families and series.
  if (!filtering) totals.push([summary.families, 'family', 'families'], [summary.samples, 'series', 'series']);
  return (
    <nav
      aria-label={gateways ? 'Gateways' : 'Summary'}
      className="flex flex-wrap items-center gap-x-1 gap-y-1 text-slate-700 dark:text-slate-200"
    >
      {!loading &&
        !gateways &&
        totals.map(([n, one, many]) => (
          <button key={one} type="button" className={item} onClick={find.clear}>
            {countOf(n, one, many)}
          </button>
        ))}
      {gateways && (
        <ul className="flex w-full flex-wrap gap-1.5">
          {gateways.map(([name, counts]) => (
            <li key={name}>
              <button
                type="button"
                aria-pressed={find.gateways.includes(name)}
                // Chromium reads the name's own element apart ("eu-1 : 3 groups"): one name, as shown.
                aria-label={`${name}: ${loading ? 'loading' : countOf(counts.groups, 'group', 'groups')}`}
                className={`${item} inline-flex items-center gap-2 border-slate-200 dark:border-slate-700 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:aria-pressed:bg-indigo-950`}
                onClick={() => find.toggleGateway(name)}
              >
                <span>
                  <bdi className="font-mono text-indigo-900 dark:text-indigo-200">{name}</bdi>
                  {!loading && `: ${countOf(counts.groups, 'group', 'groups')}`}
                </span>
                <StateCountMarks counts={counts} loading={loading} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
