import type { Group } from '../../core/metrics-types';
import { firstDue, formatSpan, type IntervalOf, type PruneRule } from '../../core/prune';
import { useCadence } from '../health/api';
import { useNow } from '../lib/useNow';
import { usePruneRules, type RuleView } from './api';

/**
 * What the prune rules will do to this group, in words; null when no rule will delete it. A due
 * group whose rule was over its limit at its last run is held back, and says so.
 */
export function pruneNote(
  group: Group,
  rules: readonly (PruneRule & Partial<Pick<RuleView, 'lastRun'>>)[],
  nowMs: number,
  dryRun = false,
  intervalOf?: IntervalOf,
): { due: boolean; text: string } | null {
  const next = firstDue(group, rules, intervalOf);
  if (!next) return null;
  const wait = next.at - nowMs / 1000;
  if (wait > 0) {
    return { due: false, text: `${dryRun ? 'Would be pruned' : 'Pruned'} in ${formatSpan(wait)} by ${next.rule}` };
  }
  const held = rules.find((r) => r.name === next.rule)?.lastRun?.overLimit;
  const why = held ? ' (held back: over its limit)' : dryRun ? ' (dry run)' : '';
  return { due: true, text: `Due for pruning by ${next.rule}${why}` };
}

/** `Pruned in 3h by ci-branches`, or `Due for pruning by ci-branches` once due. */
export function PruneBadge({ group }: { group: Group }) {
  const view = usePruneRules();
  const now = useNow();
  const cadence = useCadence();
  const note = view?.rules.length
    ? pruneNote(group, view.rules, now, view.dryRun, (key) => cadence?.intervals.get(key))
    : null;
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
