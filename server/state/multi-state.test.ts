import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatewayError } from '../../core/gateway-read';
import type { Group } from '../../core/metrics-types';
import { compareGroups } from '../../core/order';
import { applyDiff, type GroupStore, type PollDiff } from '../../core/poll-diff';
import type { PollStatus } from '../../core/wire/stream';
import { GatewayState } from './gateway-state';
import { MultiGatewayState } from './multi-state';
import { fakeGateway, rawGroup } from './testing';

afterEach(() => {
  vi.useRealTimers();
});

type Fake = ReturnType<typeof fakeGateway>;

function multi(gateways: Record<string, Fake>, now?: () => number) {
  return new MultiGatewayState({
    gateways: Object.entries(gateways).map(([name, g]) => ({ name, fetchMetrics: g.fetchMetrics })),
    intervalMs: 5000,
    ...(now ? { now } : {}),
  });
}

/** A viewer's copy of the model: a snapshot, then every diff applied in version order. */
function follow(state: MultiGatewayState) {
  const first = state.snapshot();
  const store: GroupStore = {
    byKey: new Map(first.groups.map((g) => [g.key, g])),
    order: first.groups.map((g) => g.key),
  };
  const versions: number[] = [];
  state.on('diff', (version, diff) => {
    versions.push(version);
    applyDiff(store, diff);
  });
  return {
    versions,
    groups: (): Group[] => store.order.map((key) => store.byKey.get(key)!),
  };
}

const keys = (state: MultiGatewayState) => state.snapshot().groups.map((g) => g.key);

describe('MultiGatewayState with one gateway', () => {
  it('is exactly the GatewayState it always was: keys, versions, diffs, statuses, snapshots', async () => {
    const steps: Array<(g: Fake) => void> = [
      () => {},
      () => {},
      (g) => g.set([rawGroup('a', 't2'), rawGroup('c')]),
      (g) => g.fail(new GatewayError('http', 'The gateway answered 503 Service Unavailable', 503)),
      (g) => g.set([rawGroup('c')]),
    ];
    const record = (state: GatewayState | MultiGatewayState, gateway: Fake) => {
      const events: unknown[] = [];
      state.on('diff', (version, diff) => events.push(['diff', version, diff]));
      state.on('status', (status) => events.push(['status', status]));
      state.on('poll', (outcome, _ms, bytes) => events.push(['poll', outcome, bytes]));
      return async () => {
        for (const step of steps) {
          step(gateway);
          await state.pollNow();
          events.push(['snapshot', JSON.stringify(state.snapshot()), state.group('{job="j", instance="c"}')]);
        }
        return events;
      };
    };
    const oneGateway = fakeGateway([rawGroup('a'), rawGroup('b')]);
    const before = record(
      new GatewayState({ fetchMetrics: oneGateway.fetchMetrics, intervalMs: 5000, now: () => 7 }),
      oneGateway,
    );
    const solo = fakeGateway([rawGroup('a'), rawGroup('b')]);
    const now = record(
      multi({ default: solo }, () => 7),
      solo,
    );
    const [expected, actual] = [await before(), await now()];
    expect(actual).toEqual(expected);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    expect(JSON.stringify(actual)).not.toContain('gateway"');
  });
});

describe('MultiGatewayState with several gateways', () => {
  it('merges every gateway’s groups into one list, each knowing its gateway', async () => {
    const eu1 = fakeGateway([rawGroup('b'), rawGroup('d')]);
    const eu2 = fakeGateway([rawGroup('a'), rawGroup('c')]);
    const state = multi({ 'eu-1': eu1, 'eu-2': eu2 });
    await state.pollNow();
    expect(keys(state)).toEqual([
      '@gateway="eu-2" {job="j", instance="a"}',
      '@gateway="eu-1" {job="j", instance="b"}',
      '@gateway="eu-2" {job="j", instance="c"}',
      '@gateway="eu-1" {job="j", instance="d"}',
    ]);
    expect(state.snapshot().groups.map((g) => g.gateway)).toEqual(['eu-2', 'eu-1', 'eu-2', 'eu-1']);
    const group = state.group('@gateway="eu-1" {job="j", instance="b"}');
    expect(group).toMatchObject({ gateway: 'eu-1', selector: '{job="j", instance="b"}', labels: { instance: 'b' } });
    expect(state.group('{job="j", instance="b"}')).toBeUndefined();
    expect(state.groupCount).toBe(4);
  });

  it('keeps the same grouping key on two gateways as two groups, side by side', async () => {
    const state = multi({ 'eu-2': fakeGateway([rawGroup('a', 't2')]), 'eu-1': fakeGateway([rawGroup('a', 't1')]) });
    await state.pollNow();
    const groups = state.snapshot().groups;
    expect(groups.map((g) => [g.key, g.families[0]?.timeStamp])).toEqual([
      ['@gateway="eu-1" {job="j", instance="a"}', 't1'],
      ['@gateway="eu-2" {job="j", instance="a"}', 't2'],
    ]);
  });

  it('puts many new groups (a gateway’s first answer) and a few (a new push) in list order', async () => {
    const many = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) =>
        rawGroup(`node-${from + 3 * i}`, 't1', { labels: { job: `job${i % 4}`, instance: `node-${from + 3 * i}` } }),
      );
    const eu1 = fakeGateway(many(60, 0));
    const eu2 = fakeGateway(many(60, 1));
    const state = multi({ 'eu-1': eu1, 'eu-2': eu2 });
    const inListOrder = () => {
      const groups = state.snapshot().groups;
      expect(groups).toHaveLength(state.groupCount);
      expect(groups.map((g) => g.key)).toEqual([...groups].sort(compareGroups).map((g) => g.key));
    };
    await state.pollNow('eu-1');
    await state.pollNow('eu-2');
    inListOrder();
    expect(state.groupCount).toBe(120);
    eu1.set([...many(60, 0), rawGroup('node-2', 't1', { labels: { job: 'job1', instance: 'node-2' } })]);
    eu2.set(many(59, 1));
    await state.pollNow();
    inListOrder();
    expect(state.groupCount).toBe(120);
  });

  it('a group deleted on one gateway leaves the same key on the other', async () => {
    const eu1 = fakeGateway([rawGroup('a'), rawGroup('b')]);
    const eu2 = fakeGateway([rawGroup('a')]);
    const state = multi({ 'eu-1': eu1, 'eu-2': eu2 });
    await state.pollNow();
    const diffs: PollDiff[] = [];
    state.on('diff', (_v, diff) => diffs.push(diff));
    eu1.set([rawGroup('b')]);
    await state.pollNow('eu-1');
    expect(diffs).toEqual([
      { changed: [], removed: ['@gateway="eu-1" {job="j", instance="a"}'], order: expect.any(Array) as unknown },
    ]);
    expect(keys(state)).toEqual(['@gateway="eu-2" {job="j", instance="a"}', '@gateway="eu-1" {job="j", instance="b"}']);
    expect(eu2.reads).toBe(1);
    expect(state.group('@gateway="eu-1" {job="j", instance="a"}')).toBeUndefined();
    expect(state.group('@gateway="eu-2" {job="j", instance="a"}')?.gateway).toBe('eu-2');
    expect(state.groupCount).toBe(2);
  });

  it('a dead gateway holds back neither the others’ polls nor their changes', async () => {
    vi.useFakeTimers();
    const live = fakeGateway([rawGroup('a')]);
    const dead = fakeGateway([]);
    dead.hold([rawGroup('never')]);
    const state = multi({ live, dead }, () => Date.now());
    const viewer = follow(state);
    const leave = state.acquire();
    await vi.advanceTimersByTimeAsync(0);
    expect(keys(state)).toEqual(['@gateway="live" {job="j", instance="a"}']);
    expect(state.status).toMatchObject({ error: null, lastSuccess: Date.now() });
    for (let i = 0; i < 3; i++) {
      live.set([rawGroup('a', `t${i + 2}`), rawGroup(`n${i}`)]);
      await vi.advanceTimersByTimeAsync(5000);
    }
    expect(live.reads).toBe(4);
    expect(dead.reads).toBe(1);
    expect(viewer.versions).toEqual([1, 2, 3, 4]);
    expect(viewer.groups().map((g) => g.labels.instance)).toEqual(['a', 'n2']);
    expect(state.snapshot().groups[0]?.families[0]?.timeStamp).toBe('t4');
    leave();
  });

  it('names each gateway’s state, and reports an error overall only when all are down', async () => {
    let now = 1000;
    const eu1 = fakeGateway([rawGroup('a')]);
    const eu2 = fakeGateway([rawGroup('b')]);
    const state = multi({ 'eu-1': eu1, 'eu-2': eu2 }, () => now);
    const statuses: PollStatus[] = [];
    state.on('status', (s) => statuses.push(s));
    await state.pollNow();
    eu2.fail(new GatewayError('network', 'connect ECONNREFUSED', undefined));
    now = 2000;
    await state.pollNow();
    expect(state.status).toEqual({
      lastSuccess: 2000,
      error: null,
      intervalMs: 5000,
      gateways: [
        { name: 'eu-1', lastSuccess: 2000, error: null },
        { name: 'eu-2', lastSuccess: 1000, error: { kind: 'network', message: 'connect ECONNREFUSED' } },
      ],
    });
    // The down gateway's groups stay, as of its last good data.
    expect(keys(state)).toHaveLength(2);
    eu1.fail(new GatewayError('http', 'The gateway answered 503 Service Unavailable', 503));
    now = 3000;
    await state.pollNow('eu-1');
    expect(state.status.error).toEqual({
      kind: 'other',
      message: 'eu-1: The gateway answered 503 Service Unavailable; eu-2: connect ECONNREFUSED',
    });
    expect(state.status.lastSuccess).toBe(2000);
    expect(statuses).toHaveLength(5);
    expect(state.snapshot().status).toBe(state.status);
  });

  it('says why with the common kind and status when all fail alike', async () => {
    const fail = (g: Fake) => (g.fail(new GatewayError('http', 'answered 502', 502)), g);
    const state = multi({ a: fail(fakeGateway([])), b: fail(fakeGateway([])) });
    await state.pollNow();
    expect(state.status.error).toEqual({ kind: 'http', message: 'a: answered 502; b: answered 502', status: 502 });
    expect(state.status.lastSuccess).toBeNull();
  });

  it('keeps a viewer that applies the diffs in version order equal to the snapshot', async () => {
    const gateways = { g1: fakeGateway([]), g2: fakeGateway([]), g3: fakeGateway([]) };
    const state = multi(gateways);
    const viewer = follow(state);
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 40; round++) {
      const [name, gateway] = Object.entries(gateways)[random(3)]!;
      const groups = Array.from({ length: random(12) }, (_, i) =>
        rawGroup(`i${random(16)}`, `t${random(3)}`, { n: i }),
      );
      const unique = [...new Map(groups.map((g) => [g.labels.instance, g])).values()];
      gateway.set(unique);
      const before = state.version;
      await state.pollNow(name);
      expect(state.version - before).toBeLessThanOrEqual(1);
      expect(viewer.groups()).toEqual(state.snapshot().groups);
      const sorted = [...state.snapshot().groups].sort(compareGroups);
      expect(keys(state)).toEqual(sorted.map((g) => g.key));
    }
    expect(viewer.versions).toEqual(Array.from({ length: state.version }, (_, i) => i + 1));
    expect(state.version).toBeGreaterThan(10);
  });

  it('polls every gateway while someone watches or holds, and none after', async () => {
    vi.useFakeTimers();
    const a = fakeGateway([]);
    const b = fakeGateway([]);
    const state = multi({ a, b });
    const leave = [state.acquire(), state.acquire()];
    const release = state.hold();
    expect(state.viewerCount).toBe(2);
    expect(state.active).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect([a.reads, b.reads]).toEqual([3, 3]);
    for (const l of [...leave, leave[0]!]) l();
    expect(state.viewerCount).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect([a.reads, b.reads]).toEqual([4, 4]);
    release();
    expect(state.active).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect([a.reads, b.reads]).toEqual([4, 4]);
  });

  it('polls or refreshes only the gateway named, and refuses a name it does not know', async () => {
    const a = fakeGateway([]);
    const b = fakeGateway([]);
    const state = multi({ a, b });
    await state.pollNow('b');
    await state.refresh('b');
    expect([a.reads, b.reads]).toEqual([0, 2]);
    await state.refresh();
    expect([a.reads, b.reads]).toEqual([1, 3]);
    await expect(state.pollNow('c')).rejects.toThrow('no gateway is named "c"');
  });

  it('counts every gateway’s answer for how far a viewer may fall behind', async () => {
    const state = multi({ a: fakeGateway([rawGroup('a')]), b: fakeGateway([rawGroup('b'), rawGroup('c')]) });
    await state.pollNow();
    const [a, b] = state.members.map((m) => m.state.lastAnswerBytes);
    expect(state.lastAnswerBytes).toBe(a! + b!);
    expect(a).toBeGreaterThan(0);
  });

  it('refuses gateways it could not tell apart', () => {
    const fetchMetrics = fakeGateway([]).fetchMetrics;
    expect(() => new MultiGatewayState({ gateways: [], intervalMs: 1 })).toThrow('at least one gateway');
    expect(
      () =>
        new MultiGatewayState({
          gateways: [
            { name: 'a', fetchMetrics },
            { name: 'a', fetchMetrics },
          ],
          intervalMs: 1,
        }),
    ).toThrow('two gateways are named "a"');
    expect(() => new MultiGatewayState({ gateways: [{ name: 'a"b', fetchMetrics }], intervalMs: 1 })).toThrow(
      'may hold only',
    );
  });
});
