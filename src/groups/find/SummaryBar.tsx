import { countOf } from '../../lib/format';
import type { Summary } from './filter';
import type { FindState } from './useFindState';

/** The gateway at a glance; each figure is a one-click filter. */
export function SummaryBar({ summary, find }: { summary: Summary; find: FindState }) {
  const item =
    'rounded px-2 py-1 text-sm tabular-nums hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-teal-600';
  const all = () => {
    find.clear();
  };
  return (
    <nav aria-label="Summary" className="flex flex-wrap items-center gap-1 text-slate-700 dark:text-slate-200">
      <button type="button" className={item} onClick={all}>
        {countOf(summary.groups, 'group', 'groups')}
      </button>
      <button type="button" className={item} onClick={all}>
        {countOf(summary.jobs, 'job', 'jobs')}
      </button>
      <button type="button" className={item} onClick={all}>
        {countOf(summary.families, 'family', 'families')}
      </button>
      <button type="button" className={item} onClick={all}>
        {countOf(summary.samples, 'series', 'series')}
      </button>
      <button
        type="button"
        aria-pressed={find.failedOnly}
        className={`${item} text-red-800 dark:text-red-300 aria-pressed:bg-red-50 dark:aria-pressed:bg-red-950`}
        onClick={() => find.toggleOnly('failed')}
      >
        {countOf(summary.failed, 'failed push', 'failed pushes')}
      </button>
      <button
        type="button"
        aria-pressed={find.staleOnly}
        className={`${item} text-amber-900 dark:text-amber-200 aria-pressed:bg-amber-50 dark:aria-pressed:bg-amber-950`}
        onClick={() => find.toggleOnly('stale')}
      >
        {countOf(summary.stale, 'stale group', 'stale groups')}
      </button>
    </nav>
  );
}
