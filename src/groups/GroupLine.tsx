import type { Group } from '../../core/metrics-types';
import { button } from '../components/styles';
import { countOf, formatAge, formatExactTime } from '../lib/format';
import { useNow } from '../lib/useNow';
import { LabelPairs } from '../metrics/LabelPairs';
import { GatewayChip } from './GatewayMarks';
import { lookOf } from './state-looks';
import type { RowState } from './states';

interface Props {
  group: Group;
  states: readonly RowState[];
  selected: boolean;
  expanded: boolean;
  panelId: string;
  onToggle: (key: string) => void;
  showJob: boolean;
  readOnly: boolean;
  onSelect: (checked: boolean) => void;
  onDelete: () => void;
}

/**
 * A group on one line (compact mode): its grouping labels without the job (the job row above
 * says it), its state marks, the last push's age, its families (the button that expands it) and
 * "Delete group", shown on hover and keyboard focus and always reachable with Tab.
 */
export function GroupLine({
  group,
  states,
  selected,
  expanded,
  panelId,
  onToggle,
  showJob,
  readOnly,
  onSelect,
  onDelete,
}: Props) {
  const now = useNow();
  const { instance: _i, job: _j, ...otherLabels } = group.labels;
  const name = group.selector;
  return (
    <div className="group/line flex h-[19px] items-center gap-x-2 px-2 text-[12.5px] leading-4">
      {!readOnly && (
        <input
          type="checkbox"
          aria-label={`Select ${name}`}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          className="size-3.5 shrink-0 accent-teal-700"
        />
      )}
      {group.gateway !== undefined && <GatewayChip gateway={group.gateway} />}
      <span className="flex min-w-0 flex-1 items-center gap-x-2 overflow-hidden whitespace-nowrap" title={name}>
        {showJob && <bdi className="font-mono text-slate-600 dark:text-slate-300">{group.job}</bdi>}
        <span className="font-mono font-semibold text-slate-900 dark:text-slate-50">
          {group.instance !== undefined ? (
            <bdi>{group.instance === '' ? '""' : group.instance}</bdi>
          ) : (
            <span className="font-sans font-normal text-slate-500 italic dark:text-slate-400">no instance</span>
          )}
        </span>
        <span className="min-w-0 truncate text-xs">
          <LabelPairs labels={otherLabels} empty={null} />
        </span>
      </span>
      <span className="inline-flex shrink-0 items-center gap-1.5">
        {states
          .filter((s) => s !== 'fresh')
          .map((s) => (
            <span key={s} className={`rounded px-1 text-xs font-semibold ${lookOf(s).badge}`}>
              <span aria-hidden="true">{lookOf(s).mark}</span> {lookOf(s).label}
            </span>
          ))}
      </span>
      <span
        className="w-24 shrink-0 text-right text-xs text-slate-600 tabular-nums dark:text-slate-300"
        title={group.pushTime > 0 ? `Last push ${formatExactTime(group.pushTime * 1000)}` : undefined}
      >
        {group.pushTime > 0 ? formatAge(group.pushTime * 1000, now) : 'never pushed'}
      </span>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={panelId}
        aria-label={`${countOf(group.families.length, 'family', 'families')}, ${countOf(group.sampleCount, 'series', 'series')}`}
        data-group-toggle={group.key}
        data-row-toggle={group.key}
        onClick={() => onToggle(group.key)}
        className="inline-flex w-16 shrink-0 items-center gap-1 rounded px-1 text-xs text-teal-800 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-teal-300 dark:hover:bg-teal-950"
      >
        <span aria-hidden="true" className={`transition-transform ${expanded ? 'rotate-90' : ''}`}>
          ▸
        </span>
        {group.families.length} fam
      </button>
      {!readOnly && (
        <button
          type="button"
          onClick={onDelete}
          className={button(
            'quietDanger',
            'shrink-0 px-1.5 py-0 text-xs font-normal opacity-0 group-hover/line:opacity-100 focus:opacity-100',
          )}
        >
          Delete group
        </button>
      )}
    </div>
  );
}
