import { describe, expect, it } from 'vitest';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import type { PollStatus } from '../../core/wire/stream';
import { StreamGroups } from './stream-groups';

const group = (instance: string, stamp = 't1'): Group =>
  parseGroup(
    {
      labels: { job: 'j', instance },
      last_push_successful: true,
      push_time_seconds: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: '100' }] },
    },
    0,
  );
const status: PollStatus = { lastSuccess: 1000, error: null, intervalMs: 5000 };
const shown = (data: { groups: Group[] }) => data.groups.map((g) => g.instance ?? '');

describe('StreamGroups', () => {
  it('builds a large snapshot as partial until its rest is in', () => {
    const groups = new StreamGroups();
    expect(groups.version).toBe(-1);
    const [a, b, c] = [group('a'), group('b'), group('c')];
    groups.snapshot({ server: 's', version: 3, status, groups: [a], complete: false, total: 3 });
    expect(groups.version).toBe(3);
    expect(groups.build(true)).toEqual({ groups: [a], partial: 3 });
    expect(shown(groups.rest({ version: 3, order: [a.key, b.key, c.key], groups: [b, c] }))).toEqual(['a', 'b', 'c']);
    expect(groups.build(false).partial).toBeUndefined();
  });

  it('takes diffs in, and says when one changed nothing', () => {
    const groups = new StreamGroups();
    const [a, b] = [group('a'), group('b')];
    groups.snapshot({ server: 's', version: 1, status, groups: [a, b], complete: true });
    const changed = groups.diff({ version: 2, changed: [group('a', 't2')], removed: [b.key], order: null });
    expect(groups.version).toBe(2);
    expect(shown(changed!)).toEqual(['a']);
    expect(groups.diff({ version: 3, changed: [], removed: [], order: null })).toBeUndefined();
    expect(groups.version).toBe(3);
  });

  it('marks the gateways that are down while others answer, and says when that changes', () => {
    const groups = new StreamGroups();
    groups.snapshot({ server: 's', version: 1, status, groups: [group('a')], complete: true });
    const eu = { name: 'eu-1', lastSuccess: 500, error: { kind: 'network' as const, message: 'Unreachable.' } };
    const us = { name: 'us-1', lastSuccess: 900, error: null };
    expect(groups.noteDown({ ...status, gateways: [eu, us] })).toBe(true);
    expect(groups.build(false).gatewaysDown).toEqual([{ name: 'eu-1', message: 'Unreachable.', lastSuccess: 500 }]);
    expect(groups.noteDown({ ...status, gateways: [eu, us] })).toBe(false);
    // All of them down is the overall error's alert, not a list.
    expect(groups.noteDown({ ...status, error: eu.error, gateways: [eu, { ...us, error: eu.error }] })).toBe(true);
    expect(groups.withDown({ groups: [], gatewaysDown: [] })).toEqual({ groups: [] });
  });
});
