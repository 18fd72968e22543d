import { isLate, type RhythmView } from '../../core/rhythm';
import type { Group } from '../../core/metrics-types';
import { formatSpan } from '../../core/prune';
import type { CadenceView } from './api';

/** How a group keeps its rhythm, in words; null when it has no usual interval. */
export interface CadenceNote {
  overdue: boolean;
  /** `usually every 1h`, `expected every 7d`, `expected daily at 03:00 UTC` */
  usual: string;
  /** `Overdue: usually every 1h, last push 3h 10m ago` when overdue. */
  text: string;
  /** How many usual intervals late (for sorting), 0 when not overdue. */
  lateness: number;
  /** `next due in 5h`, `was due 2h ago`; absent from servers before rhythms. */
  due?: string;
  rhythm?: RhythmView;
}

/**
 * The group's rhythm from the server, judged against the push time the page has: a push newer
 * than the one the server judged from is on time until the server's next answer. A server from
 * before rhythms sends only intervals, judged with its factor.
 */
export function cadenceNote(group: Group, cadence: CadenceView | undefined, nowMs: number): CadenceNote | null {
  if (!cadence || group.problem) return null;
  const now = nowMs / 1000;
  const rhythm = cadence.rhythms.get(group.key);
  if (rhythm) {
    const late = isLate(group.pushTime, rhythm, now) ?? false;
    const fresh = group.pushTime > rhythm.basis;
    const nextDue = fresh ? group.pushTime + rhythm.intervalSeconds : rhythm.nextDue;
    const due =
      nextDue >= now ? `next due in ${formatSpan(nextDue - now)}` : `was due ${formatSpan(now - nextDue)} ago`;
    const age = now - group.pushTime;
    return {
      overdue: late,
      usual: rhythm.describe,
      text: late ? `Overdue: ${rhythm.describe}, last push ${formatSpan(age)} ago` : rhythm.describe,
      lateness: late ? age / rhythm.intervalSeconds : 0,
      due,
      rhythm,
    };
  }
  const seconds = cadence.intervals.get(group.key);
  if (seconds === undefined) return null;
  const usual = `usually every ${formatSpan(seconds)}`;
  if (group.pushTime <= 0 || !(now - group.pushTime > cadence.factor * seconds)) {
    return { overdue: false, usual, text: usual, lateness: 0 };
  }
  const age = now - group.pushTime;
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
