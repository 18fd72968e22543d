import { describe, expect, it } from 'vitest';
import { findDuplicates } from './duplicates';
import { gatewayKey } from './gateway-key';
import { parseGroup } from './metrics';
import type { Group } from './metrics-types';

interface Push {
  instance?: string;
  pushed?: number;
  value?: string;
  type?: string;
  help?: string;
  stamp?: string;
  samples?: Array<{ labels: Record<string, string>; value: string }>;
}

/** A group as the merged model has it: on a gateway, pushed at `pushed` (Unix seconds). */
function on(gateway: string | undefined, push: Push = {}): Group {
  const { instance = 'db-1', pushed = 1000, value = '1', type = 'GAUGE', help = 'h', stamp = 't' } = push;
  const raw = {
    labels: { job: 'backup', instance },
    last_push_successful: true,
    ...(pushed
      ? { push_time_seconds: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: String(pushed) }] } }
      : {}),
    bytes: { time_stamp: stamp, type, help, metrics: push.samples ?? [{ labels: { a: 'x', b: 'y' }, value }] },
  };
  const group = parseGroup(raw, 0);
  return gateway === undefined ? group : { ...group, key: gatewayKey(gateway, group.key), gateway };
}

const KEY = '{job="backup", instance="db-1"}';

describe('findDuplicates', () => {
  it('says which other gateways hold the same key, pushed how much earlier or later', () => {
    const eu1 = on('eu-1', { pushed: 1180, stamp: 'later', help: 'other help' });
    const eu2 = on('eu-2', { pushed: 1000 });
    const found = findDuplicates([eu1, eu2, on('eu-1', { instance: 'db-2' })]);
    expect(found.get(gatewayKey('eu-1', KEY))).toEqual([
      { gateway: 'eu-2', key: gatewayKey('eu-2', KEY), pushTimeDelta: -180, sameValues: true },
    ]);
    expect(found.get(gatewayKey('eu-2', KEY))).toEqual([
      { gateway: 'eu-1', key: gatewayKey('eu-1', KEY), pushTimeDelta: 180, sameValues: true },
    ]);
    expect(found.size).toBe(2);
  });

  it('compares the values: a different value or type is not the same', () => {
    const found = findDuplicates([on('a'), on('b', { value: '2' }), on('c', { type: 'COUNTER' })]);
    expect(found.get(gatewayKey('a', KEY))?.map((d) => [d.gateway, d.sameValues])).toEqual([
      ['b', false],
      ['c', false],
    ]);
  });

  it('the same samples in another order, or with labels in another order, are the same', () => {
    const one = [
      { labels: { a: '1', b: '2' }, value: '1' },
      { labels: { a: '2', b: '2' }, value: '5' },
    ];
    const other = [
      { labels: { a: '2', b: '2' }, value: '5' },
      { labels: { b: '2', a: '1' }, value: '1' },
    ];
    const found = findDuplicates([on('a', { samples: one }), on('b', { samples: other })]);
    expect(found.get(gatewayKey('a', KEY))?.[0]?.sameValues).toBe(true);
    const missing = findDuplicates([on('a', { samples: one }), on('b', { samples: other.slice(0, 1) })]);
    expect(missing.get(gatewayKey('a', KEY))?.[0]?.sameValues).toBe(false);
  });

  it('lists every other gateway, by name, and no time difference without a successful push', () => {
    const found = findDuplicates([on('c', { pushed: 0 }), on('a'), on('b', { pushed: 1060 })]);
    expect(found.get(gatewayKey('a', KEY))?.map((d) => [d.gateway, d.pushTimeDelta])).toEqual([
      ['b', 60],
      ['c', null],
    ]);
    expect(found.get(gatewayKey('c', KEY))?.map((d) => d.pushTimeDelta)).toEqual([null, null]);
  });

  it('leaves out one gateway’s own groups, groups of a single gateway, and unknown grouping keys', () => {
    const twice = { ...on('a'), key: `${gatewayKey('a', KEY)}#1` };
    expect(findDuplicates([on('a'), twice]).size).toBe(0);
    expect(findDuplicates([on(undefined), on(undefined)]).size).toBe(0);
    const unreadable = (gateway: string): Group => ({
      ...parseGroup(42, 0),
      key: gatewayKey(gateway, 'unreadable-group-0'),
      gateway,
    });
    expect(findDuplicates([unreadable('a'), unreadable('b')]).size).toBe(0);
    expect(findDuplicates([on('a'), on('b', { instance: 'db-2' })]).size).toBe(0);
  });
});
