import { useId, useRef } from 'react';
import { CONTROL } from '../../components/styles';
import { SheetsIcon } from '../../components/SheetsIcon';
import { useGlobalKeydown } from '../../lib/useGlobalKeydown';
import { STATE_PRESSED, StateMark } from '../../components/state';
import { SORT_KEYS, SORT_LABELS, type SortKey } from './filter';
import type { FindState } from './useFindState';
import { OVERDUE_MARK, OVERDUE_PRESSED, OVERDUE_TEXT } from '../../health/CadenceBadge';
import { useGateways } from '../../config/ConfigContext';
import { formatCount } from '../../lib/format';

interface Props {
  find: FindState;
  error: string | undefined;
  families: Array<[string, number]>;
  staleCount: number;
  failedCount: number;
  /** Groups due for pruning, or null when the server runs no prune rules. */
  dueCount?: number | null;
  /** Overdue groups, or null when no usual intervals are known (no Prometheus). */
  overdueCount?: number | null;
  /** Groups whose grouping key is on several gateways, or null with one gateway. */
  duplicatedCount?: number | null;
}

const toggle = `${CONTROL} inline-flex items-center gap-1.5 hover:bg-slate-50 dark:hover:bg-slate-950`;

/** The filter box (`/` focuses it, Esc clears it), quick filters and sort order. */
export function FilterBar({
  find,
  error,
  families,
  staleCount,
  failedCount,
  dueCount = null,
  overdueCount = null,
  duplicatedCount = null,
}: Props) {
  const gateways = useGateways();
  const multi = gateways !== null;
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  // The box shows the URL's filter as it is (typing writes it at once, Back and links change it).
  const change = find.setText;

  useGlobalKeydown((e) => {
    if (e.key !== '/') return false;
    input.current?.focus();
    input.current?.select();
    return true;
  });

  return (
    <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
      <div className="min-w-[16rem] flex-1">
        <label className="sr-only" htmlFor={`${errorId}-input`}>
          Filter groups
        </label>
        <input
          id={`${errorId}-input`}
          ref={input}
          data-list-entry
          type="search"
          value={find.text}
          // Short enough to show whole in the narrowest box (16rem, and at 375 px); the fuller
          // syntax is in its tooltip, the shortcut (/) in the shortcuts dialog.
          placeholder={gateways ? 'Filter: text, job="x", @gateway' : 'Filter: text or job="backup"'}
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
      <button
        type="button"
        aria-pressed={find.failedOnly}
        className={`${toggle} ${STATE_PRESSED.failed}`}
        onClick={() => find.toggleOnly('failed')}
      >
        <StateMark state="failed" />
        Only failed pushes ({formatCount(failedCount)})
      </button>
      <button
        type="button"
        aria-pressed={find.staleOnly}
        className={`${toggle} ${STATE_PRESSED.stale}`}
        onClick={() => find.toggleOnly('stale')}
      >
        <StateMark state="stale" />
        Only stale groups ({formatCount(staleCount)})
      </button>
      {overdueCount !== null && (
        <button
          type="button"
          aria-pressed={find.overdueOnly}
          className={`${toggle} ${OVERDUE_PRESSED}`}
          onClick={() => find.toggleOnly('overdue')}
        >
          <span aria-hidden="true" className={OVERDUE_TEXT}>
            {OVERDUE_MARK}
          </span>
          Only overdue groups ({formatCount(overdueCount)})
        </button>
      )}
      {dueCount !== null && (
        <button
          type="button"
          aria-pressed={find.dueOnly}
          className={`${toggle} aria-pressed:border-violet-600 aria-pressed:bg-violet-50 dark:aria-pressed:bg-violet-950`}
          onClick={() => find.toggleOnly('due')}
        >
          <span aria-hidden="true" className="text-violet-800 dark:text-violet-300">
            ✂
          </span>
          Only groups due for pruning ({formatCount(dueCount)})
        </button>
      )}
      {duplicatedCount !== null && (
        <button
          type="button"
          aria-pressed={find.duplicatedOnly}
          className={`${toggle} aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:aria-pressed:bg-indigo-950`}
          onClick={() => find.toggleOnly('duplicated')}
        >
          <span className="text-indigo-700 dark:text-indigo-300">
            <SheetsIcon />
          </span>
          Only groups on several gateways ({formatCount(duplicatedCount)})
        </button>
      )}
      <label className="inline-flex items-center gap-1 text-sm text-slate-600 dark:text-slate-300">
        With family
        <select
          className={`${CONTROL} max-w-[14rem]`}
          value={find.family ?? ''}
          onChange={(e) => find.setFamily(e.target.value)}
        >
          <option value="">any</option>
          {families.map(([name, count]) => (
            <option key={name} value={name}>
              {name} ({formatCount(count)})
            </option>
          ))}
        </select>
      </label>
      <label className="inline-flex items-center gap-1 text-sm text-slate-600 dark:text-slate-300">
        Sort by
        <select className={CONTROL} value={find.sort} onChange={(e) => find.setSort(e.target.value as SortKey)}>
          {SORT_KEYS.filter((key) => key !== 'overdue' || overdueCount !== null || find.sort === key).map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      {/* The arrangement cuts the job order; other sorts show one flat list. */}
      {multi && find.sort === 'job' && (
        <label className="inline-flex items-center gap-1 text-sm text-slate-600 dark:text-slate-300">
          Arrange
          <select
            className={CONTROL}
            value={find.arrangement}
            onChange={(e) => find.setArrangement(e.target.value === 'gateway' ? 'gateway' : 'job')}
          >
            <option value="job">By job</option>
            <option value="gateway">By gateway, then job</option>
          </select>
        </label>
      )}
    </div>
  );
}
