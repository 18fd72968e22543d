/**
 * Each job's strip for its row in the overview: the last pushes of all its groups together, on
 * one time axis. A job of 40 instances pushing every minute shows as a steady comb; one whose
 * instances stopped shows the gap, and failures show wherever they fell. Kept until the history
 * or the gateway's groups change, so many tabs asking costs one merge.
 */
import type { Group } from '../../core/metrics-types';
import { jobIdOf } from '../../core/order';
import type { PushEntry } from './ring';
import type { HistoryStore } from './store';

/** Pushes on one job's strip: enough to see a rhythm and a gap in a 120 px strip. */
export const JOB_STRIP_PUSHES = 40;

/** Every job's last pushes (by the overview's job id), oldest first, at most `max` each. */
export function jobStrips(
  groups: readonly Group[],
  entriesOf: (key: string) => readonly PushEntry[],
  max = JOB_STRIP_PUSHES,
): Record<string, PushEntry[]> {
  const byJob = new Map<string, PushEntry[]>();
  for (const group of groups) {
    if (group.problem) continue;
    const entries = entriesOf(group.key);
    if (entries.length === 0) continue;
    const id = jobIdOf(group);
    let all = byJob.get(id);
    if (!all) byJob.set(id, (all = []));
    // Only a group's newest `max` can be among the job's newest `max`.
    for (let i = Math.max(0, entries.length - max); i < entries.length; i++) all.push(entries[i]!);
  }
  const out: Record<string, PushEntry[]> = {};
  for (const [id, all] of byJob) {
    all.sort((a, b) => a.time - b.time || Number(a.ok) - Number(b.ok));
    out[id] = all.slice(-max);
  }
  return out;
}

/** The strips for the current groups, merged again only when the history or the groups changed. */
export class JobStrips {
  private cached: { changes: number; version: number; strips: Record<string, PushEntry[]> } | undefined;

  constructor(
    private readonly store: HistoryStore,
    private readonly snapshot: () => { version: number; groups: readonly Group[] },
  ) {}

  get(): Record<string, PushEntry[]> {
    const { changes } = this.store;
    const snapshot = this.snapshot();
    if (this.cached?.changes !== changes || this.cached.version !== snapshot.version) {
      const strips = jobStrips(snapshot.groups, (key) => this.store.ring(key)?.entries() ?? []);
      this.cached = { changes, version: snapshot.version, strips };
    }
    return this.cached.strips;
  }
}
