import { countOf } from '../lib/format';
import { StateCountMarks } from './jobs/StateCountMarks';
import type { GatewaySection } from './rows';

/** A gateway's heading in the list arranged by gateway: "Gateway eu-1 · 3 groups" (of those shown), by state. */
export function GatewayHeader({ section, loading }: { section: GatewaySection; loading: boolean }) {
  return (
    <h2 className="flex flex-wrap items-baseline gap-2 border-b border-indigo-200 dark:border-indigo-800 pt-4 pb-1.5 text-lg font-semibold text-slate-900 dark:text-slate-50">
      <span className="text-xs font-normal tracking-wide text-indigo-800 dark:text-indigo-300 uppercase">Gateway</span>{' '}
      <bdi className="font-mono break-all">{section.gateway || '(none)'}</bdi>{' '}
      <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
        · {countOf(section.groups.length, 'group', 'groups')}
      </span>
      <span className="font-normal">
        <StateCountMarks counts={section.counts} loading={loading} />
      </span>
    </h2>
  );
}
