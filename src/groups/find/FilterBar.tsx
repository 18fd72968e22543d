import { useId, useRef, type ReactNode } from 'react';
import { CONTROL } from '../../components/styles';
import { useGlobalKeydown } from '../../lib/useGlobalKeydown';
import { SORT_KEYS, SORT_LABELS, type SortKey } from './filter';
import type { FindState } from './useFindState';
import { useGateways } from '../../config/ConfigContext';
import type { StateFilter } from '../states';
import { StateFilters } from './StateFilters';
import type { Density } from './useDensity';

interface Props {
  find: FindState;
  error: string | undefined;
  /** Each state quick filter's count within the other filters; null while the snapshot is loading. */
  stateCounts: Readonly<Record<StateFilter, number>> | null;
  /** Whether usual intervals are known (overdue, "Most overdue first"). */
  overdueKnown: boolean;
  density: Density;
  onDensity: (d: Density) => void;
  /** The rest, each a button with its panel at the end of the row: options, actions (export). */
  children?: ReactNode;
}

/** The "Sort by" choices: the job overview in two orders, then the flat sorts of groups. */
const sortValue = (find: FindState) => (find.sort === 'job' && find.jobOrder === 'name' ? 'job-name' : find.sort);

/**
 * The page's one toolbar row: the filter box (`/` focuses it, Esc clears it), the state quick
 * filters, the order, compact or comfortable rows, and the menus given as children.
 */
export function FilterBar({ find, error, stateCounts, overdueKnown, density, onDensity, children }: Props) {
  const gateways = useGateways();
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const change = find.setText;

  useGlobalKeydown((e) => {
    if (e.key !== '/') return false;
    input.current?.focus();
    input.current?.select();
    return true;
  });

  return (
    <div className="flex flex-wrap items-start gap-x-1.5 gap-y-1.5 lg:flex-nowrap [&>*]:shrink-0">
      <div className="min-w-[8rem] flex-1 !shrink basis-36 max-sm:basis-full md:min-w-[14rem]">
        <label className="sr-only" htmlFor={`${errorId}-input`}>
          Filter groups
        </label>
        <input
          id={`${errorId}-input`}
          ref={input}
          data-list-entry
          type="search"
          value={find.text}
          // Short enough to show whole in the narrowest box (14rem beside the chips from 768 px; a row of its
          // own on a phone); the fuller syntax is in its tooltip, the shortcut (/) in the
          // shortcuts dialog.
          placeholder={gateways ? 'Filter: text, @gateway' : 'Filter: text or job="x"'}
          title={`Free text, or matchers: job="backup", instance=~"db-.*"${gateways ? ', @gateway="name"' : ''} (press / to focus)`}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && find.text) {
              e.preventDefault();
              change('');
            }
          }}
          className={`${CONTROL} w-full font-mono aria-invalid:border-red-600`}
        />
        {error && (
          <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
      {/* The row never wraps from 1024 px on: the chips scroll sideways when room runs out (on a
          phone, in a line of their own) rather than pushing the list down. */}
      <div className="relative -mx-1 flex max-w-full min-w-0 !shrink items-center gap-2 overflow-x-auto px-1 pb-0.5 max-sm:order-last max-sm:w-full">
        <StateFilters find={find} counts={stateCounts} overdueKnown={overdueKnown} />
      </div>
      <label className="inline-flex items-center gap-1 text-sm text-slate-600 dark:text-slate-300">
        <span className="sr-only">Sort by</span>
        <select
          className={`${CONTROL} max-w-[9.5rem]`}
          value={sortValue(find)}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'job' || v === 'job-name') {
              find.setSort('job');
              find.setJobOrder(v === 'job' ? 'attention' : 'name');
            } else find.setSort(v as SortKey);
          }}
        >
          <option value="job">Jobs: attention first</option>
          <option value="job-name">Jobs: by name</option>
          {SORT_KEYS.filter((key) => key !== 'job' && (key !== 'overdue' || overdueKnown || find.sort === key)).map(
            (key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ),
          )}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={density === 'compact'}
        title="One line a group"
        className={`${CONTROL} whitespace-nowrap hover:bg-slate-50 aria-pressed:border-teal-600 aria-pressed:bg-teal-50 dark:hover:bg-slate-950 dark:aria-pressed:bg-teal-950`}
        onClick={() => onDensity(density === 'compact' ? 'comfortable' : 'compact')}
      >
        Compact
      </button>
      {children}
    </div>
  );
}
