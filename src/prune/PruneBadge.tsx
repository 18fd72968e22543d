import type { Group } from '../../core/metrics-types';
import { firstDue, formatSpan, type PruneRule } from '../../core/prune';
import { useNow } from '../lib/useNow';
import { usePruneRules } from './api';

/** What the prune rules will do to this group, in words; null when no rule will delete it. */
export function pruneNote(
  group: Group,
  rules: readonly PruneRule[],
  nowMs: number,
): { due: boolean; text: string } | null {
  const next = firstDue(group, rules);
  if (!next) return null;
  const wait = next.at - nowMs / 1000;
  return wait <= 0
    ? { due: true, text: `Due for pruning by ${next.rule}` }
    : { due: false, text: `Pruned in ${formatSpan(wait)} by ${next.rule}` };
}

/** `Pruned in 3h by ci-branches`, or `Due for pruning by ci-branches` once due. */
export function PruneBadge({ group }: { group: Group }) {
  const rules = usePruneRules()?.rules;
  const now = useNow();
  const note = rules?.length ? pruneNote(group, rules, now) : null;
  if (!note) return null;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${
        note.due
          ? 'bg-violet-700 text-white dark:bg-violet-300 dark:text-violet-950'
          : 'bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100'
      }`}
    >
      <span aria-hidden="true">✂</span>
      <span>{note.text}</span>
    </span>
  );
}
