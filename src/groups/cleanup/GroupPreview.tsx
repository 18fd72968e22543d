import type { Group } from '../../../core/metrics-types';
import { groupTitle } from '../../../core/gateway-key';
import { countOf } from '../../lib/format';

/** The exact groups an action will touch, by selector, with what each holds. */
export function GroupPreview({ groups }: { groups: readonly Group[] }) {
  return (
    <ul
      aria-label="Groups to delete"
      className="relative max-h-64 space-y-1 overflow-auto rounded border border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-950 p-2"
    >
      {groups.map((g) => (
        <li key={g.key} className="flex flex-wrap items-baseline justify-between gap-x-3">
          <code className="font-mono text-xs break-all text-slate-900 dark:text-slate-50">{groupTitle(g)}</code>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {countOf(g.families.length, 'metric family', 'metric families')}
          </span>
        </li>
      ))}
    </ul>
  );
}
