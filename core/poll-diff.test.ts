import { describe, expect, it } from 'vitest';
import { parseGroup } from './metrics';
import type { Group } from './metrics-types';
import { applyDiff, diffGroups, digest, emptyMemory, fingerprint, type GroupStore } from './poll-diff';

const group = (instance: string, stamp: string, pushTime = 100): Group =>
  parseGroup(
    {
      labels: { job: 'j', instance },
      last_push_successful: true,
      push_time_seconds: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: String(pushTime) }] },
      m: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: '1' }] },
    },
    0,
  );

describe('diffGroups and applyDiff', () => {
  it('sends everything first, then nothing for an unchanged poll', () => {
    const first = diffGroups(emptyMemory(), [group('a', 't1'), group('b', 't1')]);
    expect(first.diff.changed.map((g) => g.key)).toHaveLength(2);
    expect(first.diff.order).toEqual(['{job="j", instance="a"}', '{job="j", instance="b"}']);

    const again = diffGroups(first.memory, [group('a', 't1'), group('b', 't1')]);
    expect(again.diff).toEqual({ changed: [], removed: [], order: null });
  });

  it('sends a re-pushed group, a new one, and the keys of removed ones', () => {
    const first = diffGroups(emptyMemory(), [group('a', 't1'), group('b', 't1'), group('c', 't1')]);
    const next = diffGroups(first.memory, [group('a', 't2', 200), group('c', 't1'), group('d', 't1')]);
    expect(next.diff.changed.map((g) => g.labels.instance)).toEqual(['a', 'd']);
    expect(next.diff.removed).toEqual(['{job="j", instance="b"}']);
    expect(next.diff.order).toEqual(['{job="j", instance="a"}', '{job="j", instance="c"}', '{job="j", instance="d"}']);
  });

  it('keeps the page’s objects for unchanged groups', () => {
    const store: GroupStore = { byKey: new Map(), order: [] };
    const first = diffGroups(emptyMemory(), [group('a', 't1'), group('b', 't1')]);
    expect(applyDiff(store, first.diff)).toBe(true);
    const keptB = store.byKey.get('{job="j", instance="b"}');
    const next = diffGroups(first.memory, [group('a', 't2'), group('b', 't1')]);
    expect(applyDiff(store, next.diff)).toBe(true);
    expect(store.byKey.get('{job="j", instance="b"}')).toBe(keptB);
    expect(store.byKey.get('{job="j", instance="a"}')!.families[0]!.timeStamp).toBe('t2');
    expect(applyDiff(store, diffGroups(next.memory, [group('a', 't2'), group('b', 't1')]).diff)).toBe(false);
  });

  it('fingerprints change with a push, a failed push or a family change', () => {
    const base = group('a', 't1');
    expect(fingerprint(group('a', 't1'))).toBe(fingerprint(base));
    expect(fingerprint(group('a', 't2'))).not.toBe(fingerprint(base));
    expect(fingerprint({ ...base, failureTime: 5, lastPushSuccessful: false })).not.toBe(fingerprint(base));
    expect(fingerprint({ ...base, families: [] })).not.toBe(fingerprint(base));
  });

  it('keeps a digest per group, equal for equal texts and apart for 100,000 different ones', () => {
    expect(digest('a|1|true')).toBe(digest('a|1|true'));
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(digest(`1796456018.${i}|0|true||f@2026-12-05T07:33:38Z#4`));
    expect(seen.size).toBe(100_000);
    const { memory } = diffGroups(emptyMemory(), [group('a', 't1')]);
    expect(typeof memory.prints.get(group('a', 't1').key)).toBe('number');
  });
});
