import { describe, expect, it } from 'vitest';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { jobStrips, JobStrips } from './job-strips';
import { HistoryStore } from './store';

const T0 = 1_760_000_000;
const family = (value: number) => ({ time_stamp: 't', type: 'GAUGE', metrics: [{ labels: {}, value: String(value) }] });
function group(labels: Record<string, string>, pushTime: number): Group {
  return parseGroup({ labels, last_push_successful: true, push_time_seconds: family(pushTime) }, 0);
}

describe('jobStrips', () => {
  it("merges a job's groups on one axis, oldest first, and keeps jobs apart", () => {
    const a = group({ job: 'backup', instance: 'a' }, T0 + 120);
    const b = group({ job: 'backup', instance: 'b' }, T0 + 90);
    const c = group({ job: 'report' }, T0 + 10);
    const entries: Record<string, Array<{ time: number; ok: boolean }>> = {
      [a.key]: [
        { time: T0, ok: true },
        { time: T0 + 60, ok: false },
        { time: T0 + 120, ok: true },
      ],
      [b.key]: [
        { time: T0 + 30, ok: true },
        { time: T0 + 90, ok: true },
      ],
      [c.key]: [{ time: T0 + 10, ok: true }],
    };
    const strips = jobStrips([a, b, c], (key) => entries[key] ?? []);
    expect(strips.backup!.map((e) => [e.time - T0, e.ok])).toEqual([
      [0, true],
      [30, true],
      [60, false],
      [90, true],
      [120, true],
    ]);
    expect(strips.report).toEqual([{ time: T0 + 10, ok: true }]);
  });

  it("keeps only the job's newest pushes, and leaves out a job with no history", () => {
    const groups = Array.from({ length: 10 }, (_, i) => group({ job: 'ci', instance: `n${i}` }, T0 + i));
    const quiet = group({ job: 'quiet' }, T0);
    const strips = jobStrips(
      [...groups, quiet],
      (key) =>
        key === quiet.key
          ? []
          : Array.from({ length: 20 }, (_, k) => ({
              time: T0 + k * 100 + groups.findIndex((g) => g.key === key),
              ok: true,
            })),
      40,
    );
    expect(strips.ci).toHaveLength(40);
    expect(strips.ci![0]!.time).toBe(T0 + 1600);
    expect(strips.ci!.at(-1)!.time).toBe(T0 + 1909);
    expect(strips.quiet).toBeUndefined();
  });

  it('with several gateways, one job on two gateways is two strips', () => {
    const eu = { ...group({ job: 'backup' }, T0), gateway: 'eu-1', key: '@gateway="eu-1" {job="backup"}' };
    const us = { ...group({ job: 'backup' }, T0 + 5), gateway: 'us-1', key: '@gateway="us-1" {job="backup"}' };
    const strips = jobStrips([eu, us], (key) => [{ time: key === eu.key ? T0 : T0 + 5, ok: true }]);
    expect(Object.keys(strips).sort()).toEqual(['eu-1:backup', 'us-1:backup']);
  });
});

describe('JobStrips', () => {
  it('merges again when the history changes, not on every ask', () => {
    const store = new HistoryStore(undefined, () => {});
    const g = group({ job: 'backup' }, T0);
    const snapshot = { version: 1, groups: [g] };
    const strips = new JobStrips(store, () => snapshot);
    store.record(g.key, T0, 0);
    const first = strips.get();
    expect(first.backup).toEqual([{ time: T0, ok: true }]);
    expect(strips.get()).toBe(first);
    store.record(g.key, T0 + 60, T0 + 90);
    expect(strips.get().backup!.map((e) => e.ok)).toEqual([true, true, false]);
  });
});
