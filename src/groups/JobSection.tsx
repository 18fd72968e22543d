import type { JobSection as Section } from './order';
import { GroupCard } from './GroupCard';
import { countOf } from '../lib/format';

export function JobSection({ section }: { section: Section }) {
  return (
    <section aria-label={`Job ${section.job}`} className="space-y-2">
      <h2 className="flex items-baseline gap-2 text-base font-semibold text-slate-800">
        <span className="text-xs font-normal tracking-wide text-slate-500 uppercase">job</span>
        <bdi className="font-mono break-all">{section.job || '(unreadable)'}</bdi>
        <span className="text-sm font-normal text-slate-500">{countOf(section.groups.length, 'group', 'groups')}</span>
      </h2>
      <div className="space-y-2">
        {section.groups.map((g) => (
          <GroupCard key={g.key} group={g} />
        ))}
      </div>
    </section>
  );
}
