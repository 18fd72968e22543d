import type { JobSection } from '../../core/order';
import { countOf } from '../lib/format';
import { useCleanup } from './cleanup/CleanupContext';

interface Props {
  section: JobSection;
  selected: ReadonlySet<string>;
  /** In the list arranged by gateway: the gateway whose groups of the job the section holds (heading one level down). */
  gateway?: string;
}

/** A job's heading in the list: its name, how many groups it has, and "select all in this job". */
export function JobHeader({ section, selected, gateway }: Props) {
  const Heading = gateway === undefined ? 'h2' : 'h3';
  const { readOnly, setSelected } = useCleanup();
  const keys = section.groups.map((g) => g.key);
  const chosen = keys.filter((k) => selected.has(k)).length;
  return (
    <div className="flex flex-wrap items-baseline gap-2 pt-4 pb-2">
      <Heading className="flex items-baseline gap-2 text-base font-semibold text-slate-800 dark:text-slate-100">
        <span className="text-xs font-normal tracking-wide text-slate-500 dark:text-slate-400 uppercase">job</span>
        <bdi className="font-mono break-all">{section.job || '(unreadable)'}</bdi>
        <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
          {countOf(section.groups.length, 'group', 'groups')}
        </span>
      </Heading>
      {!readOnly && (
        <label className="ml-auto inline-flex items-center gap-1.5 text-sm font-normal text-slate-600 dark:text-slate-300">
          <input
            type="checkbox"
            checked={chosen === keys.length}
            ref={(el) => {
              if (el) el.indeterminate = chosen > 0 && chosen < keys.length;
            }}
            onChange={(e) => setSelected(keys, e.target.checked)}
            className="size-4 accent-teal-700"
          />
          Select all in job {section.job}
          {gateway !== undefined && ` on ${gateway}`}
        </label>
      )}
    </div>
  );
}
