import { CONTROL } from '../../components/styles';
import { formatCount } from '../../lib/format';
import { SheetsIcon } from '../../components/SheetsIcon';
import { CopyButton } from '../../components/CopyButton';
import { StaleThreshold } from '../cleanup/StaleThreshold';
import type { FindState } from './useFindState';
import type { Density } from './useDensity';
import { SortSelect } from './SortSelect';

interface Props {
  find: FindState;
  threshold: { text: string; set: (text: string) => boolean };
  families: Array<[string, number]>;
  /** Groups due for pruning, or null when the server runs no prune rules. */
  dueCount: number | null;
  /** Groups whose grouping key is on several gateways, or null with one gateway. */
  duplicatedCount: number | null;
  /** The filter as a prune rule, when it can be one. */
  pruneRule: string | null;
  multi: boolean;
  /** Whether usual intervals are known ("Most overdue first"). */
  overdueKnown: boolean;
  density: Density;
  onDensity: (d: Density) => void;
}

const toggle = `${CONTROL} inline-flex items-center gap-1.5 hover:bg-slate-50 dark:hover:bg-slate-950`;
const label = 'flex items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-300';

/**
 * What the Options menu holds: the order and the row density, the stale threshold, the family
 * filter, the less used quick filters, the arrangement.
 */
export function ListOptions(props: Props) {
  const { find, threshold, families, dueCount, duplicatedCount, pruneRule, multi, density, onDensity } = props;
  return (
    <div className="flex w-80 max-w-full flex-col gap-2.5">
      <SortSelect find={find} overdueKnown={props.overdueKnown} className={label} />
      <button
        type="button"
        aria-pressed={density === 'compact'}
        className={`${toggle} aria-pressed:border-teal-600 aria-pressed:bg-teal-50 dark:aria-pressed:bg-teal-950`}
        onClick={() => onDensity(density === 'compact' ? 'comfortable' : 'compact')}
      >
        <span aria-hidden="true" className="text-teal-700 dark:text-teal-300">
          ☰
        </span>
        Compact rows, one line a group
      </button>
      <StaleThreshold value={threshold.text} onChange={threshold.set} />
      <label className={label}>
        With family
        <select
          className={`${CONTROL} max-w-[14rem]`}
          value={find.family ?? ''}
          onChange={(e) => find.setFamily(e.target.value)}
        >
          <option value="">any</option>
          {families.map(([name, count]) => (
            <option key={name} value={name}>
              {name} ({count})
            </option>
          ))}
        </select>
      </label>
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
      {/* The arrangement cuts the job order; other sorts show one flat list. */}
      {multi && find.sort === 'job' && (
        <label className={label}>
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
      {pruneRule && <CopyButton text={pruneRule} label="Copy as prune rule" />}
    </div>
  );
}
