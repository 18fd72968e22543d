import type { JobSection as Section } from './order';
import { GroupCard } from './GroupCard';
import { countOf } from '../lib/format';
import { useCleanup } from './cleanup/CleanupContext';

interface Props {
  section: Section;
  staleKeys: ReadonlySet<string>;
  selected: ReadonlySet<string>;
}

export function JobSection({ section, staleKeys, selected }: Props) {
  const { readOnly, setSelected } = useCleanup();
  const keys = section.groups.map((g) => g.key);
  const chosen = keys.filter((k) => selected.has(k)).length;
  return (
    <section aria-label={`Job ${section.job}`} className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 className="flex items-baseline gap-2 text-base font-semibold text-slate-800">
          <span className="text-xs font-normal tracking-wide text-slate-500 uppercase">job</span>
          <bdi className="font-mono break-all">{section.job || '(unreadable)'}</bdi>
          <span className="text-sm font-normal text-slate-500">
            {countOf(section.groups.length, 'group', 'groups')}
          </span>
        </h2>
        {!readOnly && (
          <label className="ml-auto inline-flex items-center gap-1.5 text-sm font-normal text-slate-600">
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
          </label>
        )}
      </div>
      <div className="space-y-2">
        {section.groups.map((g) => (
          <GroupCard key={g.key} group={g} stale={staleKeys.has(g.key)} selected={selected.has(g.key)} />
        ))}
      </div>
    </section>
  );
}
