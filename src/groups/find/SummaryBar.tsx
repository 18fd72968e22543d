import { STATE_PRESSED, STATE_TEXT, StateMark, type GroupState } from '../../components/state';
import { countOf, formatCount } from '../../lib/format';
import type { Summary } from './filter';
import type { FindState } from './useFindState';
import { OVERDUE_MARK, OVERDUE_PRESSED, OVERDUE_TEXT } from '../../health/CadenceBadge';

const item =
  'rounded border border-transparent px-2 py-1 text-sm tabular-nums hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-teal-600';

/**
 * The gateway at a glance; each figure is a one-click filter (the totals clear the filters). With
 * several gateways, each one's count too, a toggle that shows its groups (several: any of them).
 */
export function SummaryBar({
  summary,
  find,
  overdue = null,
  gateways = null,
}: {
  summary: Summary;
  find: FindState;
  /** Overdue groups, or null when no usual intervals are known. */
  overdue?: number | null;
  /** With several gateways, each one's name and number of groups; null with one. */
  gateways?: ReadonlyArray<readonly [string, number]> | null;
}) {
  const totals: Array<[number, string, string]> = [
    [summary.groups, 'group', 'groups'],
    [summary.jobs, 'job', 'jobs'],
    [summary.families, 'family', 'families'],
    [summary.samples, 'series', 'series'],
  ];
  const states: Array<{ state: GroupState; n: number; one: string; many: string; on: boolean }> = [
    { state: 'fresh', n: summary.fresh, one: 'fresh group', many: 'fresh groups', on: find.freshOnly },
    { state: 'stale', n: summary.stale, one: 'stale group', many: 'stale groups', on: find.staleOnly },
    { state: 'failed', n: summary.failed, one: 'failed push', many: 'failed pushes', on: find.failedOnly },
  ];
  return (
    <nav aria-label="Summary" className="flex flex-wrap items-center gap-1 text-slate-700 dark:text-slate-200">
      {totals.map(([n, one, many]) => (
        <button key={one} type="button" className={item} onClick={find.clear}>
          {countOf(n, one, many)}
        </button>
      ))}
      {states.map((s) => (
        <button
          key={s.state}
          type="button"
          aria-pressed={s.on}
          className={`${item} inline-flex items-center gap-1.5 ${STATE_TEXT[s.state]} ${STATE_PRESSED[s.state]}`}
          onClick={() => find.toggleOnly(s.state)}
        >
          <StateMark state={s.state} />
          {countOf(s.n, s.one, s.many)}
        </button>
      ))}
      {overdue !== null && (
        <button
          type="button"
          aria-pressed={find.overdueOnly}
          className={`${item} inline-flex items-center gap-1.5 ${OVERDUE_TEXT} ${OVERDUE_PRESSED}`}
          onClick={() => find.toggleOnly('overdue')}
        >
          <span aria-hidden="true">{OVERDUE_MARK}</span>
          {countOf(overdue, 'overdue group', 'overdue groups')}
        </button>
      )}
      {gateways?.map(([name, n]) => (
        <button
          key={name}
          type="button"
          aria-pressed={find.gateways.includes(name)}
          // Chromium reads the name's own element apart ("eu-1 : 3 groups"): one name, as shown.
          aria-label={`${name}: ${countOf(n, 'group', 'groups')}`}
          className={`${item} inline-flex items-center aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:aria-pressed:bg-indigo-950`}
          onClick={() => find.toggleGateway(name)}
        >
          <bdi className="font-mono text-indigo-900 dark:text-indigo-200">{name}</bdi>: {countOf(n, 'group', 'groups')}
        </button>
      ))}
      {summary.staleAndFailed > 0 && (
        <span className="px-1 text-sm text-slate-600 dark:text-slate-300">
          ({formatCount(summary.staleAndFailed)} both stale and failed)
        </span>
      )}
    </nav>
  );
}
