import { countOf } from '../../lib/format';
import type { Summary } from './filter';
import type { FindState } from './useFindState';

const item =
  'rounded px-2 py-1 text-sm tabular-nums hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-teal-600';

/** The gateway at a glance; each figure is a one-click filter (the totals clear the filters). */
export function SummaryBar({ summary, find }: { summary: Summary; find: FindState }) {
  const totals: Array<[number, string, string]> = [
    [summary.groups, 'group', 'groups'],
    [summary.jobs, 'job', 'jobs'],
    [summary.families, 'family', 'families'],
    [summary.samples, 'series', 'series'],
  ];
  const quick = [
    { only: 'failed', n: summary.failed, one: 'failed push', many: 'failed pushes', on: find.failedOnly },
    { only: 'stale', n: summary.stale, one: 'stale group', many: 'stale groups', on: find.staleOnly },
  ] as const;
  const tone = {
    failed: 'text-red-800 aria-pressed:bg-red-50 dark:text-red-300 dark:aria-pressed:bg-red-950',
    stale: 'text-amber-900 aria-pressed:bg-amber-50 dark:text-amber-200 dark:aria-pressed:bg-amber-950',
  };
  return (
    <nav aria-label="Summary" className="flex flex-wrap items-center gap-1 text-slate-700 dark:text-slate-200">
      {totals.map(([n, one, many]) => (
        <button key={one} type="button" className={item} onClick={find.clear}>
          {countOf(n, one, many)}
        </button>
      ))}
      {quick.map((q) => (
        <button
          key={q.only}
          type="button"
          aria-pressed={q.on}
          className={`${item} ${tone[q.only]}`}
          onClick={() => find.toggleOnly(q.only)}
        >
          {countOf(q.n, q.one, q.many)}
        </button>
      ))}
    </nav>
  );
}
