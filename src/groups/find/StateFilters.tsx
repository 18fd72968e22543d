import { CONTROL } from '../../components/styles';
import { formatCount } from '../../lib/format';
import { lookOf } from '../state-looks';
import type { StateFilter } from '../states';
import type { FindState } from './useFindState';

interface Props {
  find: FindState;
  /** How many groups each quick filter would show (within the text filter); null while loading. */
  counts: Readonly<Record<StateFilter, number>> | null;
  /** Overdue is only offered when usual intervals are known. */
  overdueKnown: boolean;
}

const chip = `${CONTROL} relative inline-flex shrink-0 items-center gap-1 whitespace-nowrap !px-1 hover:bg-slate-50 dark:hover:bg-slate-950`;

/**
 * The state quick filters: any number can be on, and a group in any of them shows (OR); together
 * they narrow the text filter (AND). Malformed shows only when some group is. Their counts are
 * within the text filter; until the whole snapshot is in they show none.
 */
export function StateFilters({ find, counts, overdueKnown }: Props) {
  const offered: StateFilter[] = ['attention', 'failed'];
  if (overdueKnown || find.states.has('overdue')) offered.push('overdue');
  if ((counts?.malformed ?? 0) > 0 || find.states.has('malformed')) offered.push('malformed');
  offered.push('stale', 'fresh');
  return (
    <div role="group" aria-label="Quick filters by state (any of them)" className="flex min-w-0 items-center gap-1">
      {offered.map((state) => {
        const look = lookOf(state);
        const n = counts?.[state];
        return (
          <button
            key={state}
            type="button"
            aria-pressed={find.states.has(state)}
            aria-label={n === undefined ? look.label : `${look.label} (${formatCount(n)})`}
            className={`${chip} ${look.pressed}`}
            onClick={() => find.toggleOnly(state)}
          >
            <span aria-hidden="true" className={look.text}>
              {look.mark}
            </span>
            {look.label}
            {n !== undefined && ' '}
            {n !== undefined && (
              <span className="rounded bg-slate-100 px-1 text-xs tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-200">
                {formatCount(n)}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
