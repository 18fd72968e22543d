import { overdue } from '../../core/cadence';
import type { Group } from '../../core/metrics-types';
import { formatSpan } from '../../core/prune';
import type { CadenceView } from './api';

/** How a group keeps its rhythm, in words; null when it has no usual interval. */
export interface CadenceNote {
  overdue: boolean;
  /** `usually every 1h` */
  usual: string;
  /** `Overdue: usually every 1h, last push 3h 10m ago` when overdue. */
  text: string;
  /** How many usual intervals late (for sorting), 0 when not overdue. */
  lateness: number;
}

export function cadenceNote(group: Group, cadence: CadenceView | undefined, nowMs: number): CadenceNote | null {
  const seconds = cadence?.intervals.get(group.key);
  if (!cadence || seconds === undefined || group.problem) return null;
  const usual = `usually every ${formatSpan(seconds)}`;
  const late = overdue(group.pushTime, { intervalSeconds: seconds, pushes: 0 }, cadence.factor, nowMs / 1000);
  if (!late) return { overdue: false, usual, text: usual, lateness: 0 };
  const age = nowMs / 1000 - group.pushTime;
  return { overdue: true, usual, text: `Overdue: ${usual}, last push ${formatSpan(age)} ago`, lateness: age / seconds };
}

/** The keys of the overdue groups, with how late each is. */
export function overdueGroups(
  groups: readonly Group[],
  cadence: CadenceView | undefined,
  nowMs: number,
): Map<string, number> | null {
  if (!cadence) return null;
  const late = new Map<string, number>();
  for (const group of groups) {
    const note = cadenceNote(group, cadence, nowMs);
    if (note?.overdue) late.set(group.key, note.lateness);
  }
  return late;
}
