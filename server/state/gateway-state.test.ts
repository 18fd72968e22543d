import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatewayError } from '../../core/gateway-read';
import type { PollStatus } from '../../core/wire/stream';
import { GatewayState, REFRESH_GAP_MS } from './gateway-state';
import type { FetchAnswer } from './fetch-gateway';
import { answer, fakeGateway, rawGroup } from './testing';

afterEach(() => {
  vi.useRealTimers();
});

describe('GatewayState', () => {
  it('shows a gateway that does not answer as not answering after two intervals, until it answers', async () => {
    const gateway = fakeGateway([rawGroup('a')]);
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 300 });
    await state.pollNow();
    const release = gateway.hold([rawGroup('a'), rawGroup('b')]);
    const statuses: PollStatus[] = [];
    state.on('status', (status) => statuses.push(status));
    const poll = state.pollNow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statuses).toEqual([]);
    await expect.poll(() => statuses.length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    expect(statuses[0]!.error).toEqual({ kind: 'network', message: 'The Pushgateway is not answering for 1 s.' });
    expect(statuses.at(-1)!.error?.message).toMatch(/^The Pushgateway is not answering for \d+ s\.$/);
    release();
    await poll;
    expect(state.status.error).toBeNull();
    expect(state.groupCount).toBe(2);
    const seen = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(statuses.length).toBe(seen);
  });

  it('polls only while a viewer is connected, once per interval for all of them', async () => {
    vi.useFakeTimers();
    const gateway = fakeGateway([rawGroup('a')]);
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(gateway.reads).toBe(0);

    const leave = [state.acquire(), state.acquire(), state.acquire()];
    await vi.advanceTimersByTimeAsync(0);
    expect(gateway.reads).toBe(1);
    expect(state.groupCount).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(gateway.reads).toBe(5);

    for (const l of leave) l();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(gateway.reads).toBe(5);
  });

  it('a viewer arriving within an interval of the last poll does not poll again at once', async () => {
    vi.useFakeTimers();
    const gateway = fakeGateway([rawGroup('a')]);
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 5000 });
    const leave = state.acquire();
    await vi.advanceTimersByTimeAsync(1000);
    leave();
    state.acquire();
    await vi.advanceTimersByTimeAsync(3000);
    expect(gateway.reads).toBe(1);
    await vi.advanceTimersByTimeAsync(1100);
    expect(gateway.reads).toBe(2);
  });

  it('folds changes asked for during a poll into one more poll', async () => {
    const gateway = fakeGateway([]);
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000 });
    const release = gateway.hold([rawGroup('a')]);
    const first = state.pollNow();
    const asked = Array.from({ length: 10 }, () => state.pollNow());
    gateway.set([rawGroup('a'), rawGroup('b')]);
    release();
    await Promise.all([first, ...asked]);
    await vi.waitFor(() => expect(state.groupCount).toBe(2));
    expect(gateway.reads).toBe(2);
  });

  it('emits a new version with only what changed, and none for an unchanged poll', async () => {
    const gateway = fakeGateway([rawGroup('a'), rawGroup('b')]);
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000 });
    const diffs: Array<[number, { changed: Array<{ key: string }>; removed: string[] }]> = [];
    state.on('diff', (version, diff) => diffs.push([version, diff]));
    await state.pollNow();
    await state.pollNow();
    gateway.set([rawGroup('a', 't2'), rawGroup('c')]);
    await state.pollNow();
    expect(diffs.map(([v]) => v)).toEqual([1, 2]);
    expect(diffs[1][1].changed.map((g) => g.key)).toEqual(['{job="j", instance="a"}', '{job="j", instance="c"}']);
    expect(diffs[1][1].removed).toEqual(['{job="j", instance="b"}']);
    expect(state.snapshot().groups.map((g) => g.labels.instance)).toEqual(['a', 'c']);
    expect(state.snapshot().version).toBe(2);
  });

  it('keeps the last data through a failed poll, says why, and clears the error on success', async () => {
    const gateway = fakeGateway([rawGroup('a')]);
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000, now: () => 1234 });
    const statuses: PollStatus[] = [];
    state.on('status', (s) => statuses.push(s));
    await state.pollNow();
    gateway.fail(new GatewayError('http', 'The gateway answered 503 Service Unavailable', 503));
    await state.pollNow();
    expect(state.snapshot().groups).toHaveLength(1);
    expect(state.status).toEqual({
      lastSuccess: 1234,
      error: { kind: 'http', message: 'The gateway answered 503 Service Unavailable', status: 503 },
      intervalMs: 60_000,
    });
    gateway.set([rawGroup('a')]);
    await state.pollNow();
    expect(statuses.map((s) => s.error?.status ?? null)).toEqual([null, 503, null]);
  });

  it('reports an answer that is not the gateway’s JSON, and keeps a malformed group visible as such', async () => {
    let next: FetchAnswer = { text: '<html>Welcome to nginx!</html>', bytes: 30 };
    const state = new GatewayState({ fetchMetrics: () => Promise.resolve(next), intervalMs: 60_000 });
    await state.pollNow();
    expect(state.status.error?.message).toMatch(/not valid JSON.*Welcome to nginx!/);

    // A family named "labels" overwrote the group's labels on the gateway.
    next = answer([
      rawGroup('fine'),
      { ...rawGroup('weird'), labels: { time_stamp: 't', type: 'GAUGE', metrics: [] } },
    ]);
    await state.pollNow();
    expect(state.status.error).toBeNull();
    expect(state.groupCount).toBe(2);
    const problems = state.snapshot().groups.map((g) => g.problem ?? null);
    expect(problems.filter((p) => p !== null)).toHaveLength(1);
  });
});

const EMPTY = { text: '{"status":"success","data":[]}', bytes: 30 };

/** A gateway whose every read waits until the test lets it answer. */
function slowGateway() {
  const pending: Array<() => void> = [];
  let reads = 0;
  const fetchMetrics = () => {
    reads++;
    return new Promise<typeof EMPTY>((resolve) => pending.push(() => resolve(EMPTY)));
  };
  const answer = async () => {
    await new Promise((r) => setTimeout(r, 0));
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetchMetrics, answer, reads: () => reads };
}

describe('GatewayState.pollNow', () => {
  it('during a poll, shares one more poll that starts after it, and settles only then', async () => {
    const gateway = slowGateway();
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000 });
    const settled: string[] = [];
    void state.pollNow().then(() => settled.push('first'));
    void state.pollNow().then(() => settled.push('second'));
    void state.pollNow().then(() => settled.push('third'));
    expect(gateway.reads()).toBe(1);
    await gateway.answer();
    expect(settled).toEqual(['first']);
    expect(gateway.reads()).toBe(2);
    await gateway.answer();
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(gateway.reads()).toBe(2);
  });
});

describe('GatewayState.refresh', () => {
  it('reads at once, then at most once per gap however many refreshes come', async () => {
    const reads: number[] = [];
    const state = new GatewayState({
      fetchMetrics: async () => {
        reads.push(performance.now());
        return EMPTY;
      },
      intervalMs: 60_000,
    });
    await state.refresh();
    expect(reads).toHaveLength(1);
    await Promise.all(Array.from({ length: 10 }, () => state.refresh()));
    expect(reads).toHaveLength(2);
    expect(reads[1]! - reads[0]!).toBeGreaterThanOrEqual(REFRESH_GAP_MS - 5);
  });
});
