import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Group } from '../../../core/metrics-types';
import type { PollDiff } from '../../../core/poll-diff';
import { HEAD_SIZE, PollHub, type FromHub, type HubPort, type HubRead, type TabState } from './hub';

const group = (key: string): Group => ({ key }) as Group;
const visible: TabState = { visible: true, paused: false, intervalMs: 5000 };

/** A tab: what it received, in order. */
function tab(): HubPort & { got: FromHub[]; last: (type: FromHub['type']) => FromHub | undefined } {
  const got: FromHub[] = [];
  return { got, post: (m) => got.push(m), last: (type) => got.filter((m) => m.type === type).at(-1) };
}

/** A gateway read that the test answers by hand, counting the reads. */
function gateway() {
  const pending: Array<{ resolve: (r: HubRead) => void; onHead: (head: Group[], order: string[]) => void }> = [];
  return {
    pending,
    reads: () => pending.length,
    io: {
      read: (_base: string, onHead: (head: Group[], order: string[]) => void) =>
        new Promise<HubRead>((resolve) => pending.push({ resolve, onHead })),
      now: () => Date.now(),
      setTimer: (run: () => void, ms: number) => setTimeout(run, ms),
      clearTimer: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
    },
    /** Answers the latest read with a diff, as taking `fetchMs`. */
    answer: async (diff: PollDiff, fetchMs = 10) => {
      pending.at(-1)!.resolve({ ok: true, diff, fetchMs });
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the shared poll', () => {
  it('reads the gateway once for every tab, and a new tab gets the model without a read', async () => {
    const gw = gateway();
    const hub = new PollHub(gw.io);
    const a = tab();
    hub.receive(a, { type: 'hello', tab: 'a', base: 'http://g/', state: visible });
    expect(gw.reads()).toBe(1);
    await gw.answer({ changed: [group('x'), group('y')], removed: [], order: ['x', 'y'] });
    expect(a.last('snapshot')).toMatchObject({ complete: true, order: ['x', 'y'] });

    const b = tab();
    hub.receive(b, { type: 'hello', tab: 'b', base: 'http://g/', state: visible });
    expect(gw.reads()).toBe(1);
    expect(b.last('snapshot')).toMatchObject({ complete: true, order: ['x', 'y'] });
    expect(b.last('status')).toMatchObject({ type: 'status', status: { tabs: 2 } });
    expect(a.last('status')).toMatchObject({ status: { tabs: 2 } });

    // One read per interval for both, and each change goes to both.
    await vi.advanceTimersByTimeAsync(5000);
    expect(gw.reads()).toBe(2);
    const diff = { changed: [group('z')], removed: ['x'], order: ['y', 'z'] };
    await gw.answer(diff);
    expect(a.last('diff')).toEqual({ type: 'diff', diff });
    expect(b.last('diff')).toEqual({ type: 'diff', diff });
    await vi.advanceTimersByTimeAsync(4900);
    expect(gw.reads()).toBe(2);
  });

  it('goes on without a gap when the tab that started it closes', async () => {
    const gw = gateway();
    const hub = new PollHub(gw.io);
    const [a, b] = [tab(), tab()];
    hub.receive(a, { type: 'hello', tab: 'a', base: 'http://g/', state: visible });
    await gw.answer({ changed: [group('x')], removed: [], order: ['x'] });
    hub.receive(b, { type: 'hello', tab: 'b', base: 'http://g/', state: visible });
    await vi.advanceTimersByTimeAsync(2000);
    hub.drop(a); // its lock was released: it closed without a word
    expect(hub.tabIds()).toEqual(['b']);
    expect(b.last('status')).toMatchObject({ status: { tabs: 1 } });
    await vi.advanceTimersByTimeAsync(3000);
    expect(gw.reads()).toBe(2);
    await gw.answer({ changed: [group('y')], removed: [], order: ['x', 'y'] });
    expect(b.last('diff')).toMatchObject({ diff: { order: ['x', 'y'] } });
    expect(a.got.filter((m) => m.type === 'diff')).toHaveLength(0);
    hub.receive(b, { type: 'bye' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(gw.reads()).toBe(2);
  });

  it('polls at the shortest interval of the visible, unpaused tabs, and not at all when none is', async () => {
    const gw = gateway();
    const hub = new PollHub(gw.io);
    const [a, b] = [tab(), tab()];
    hub.receive(a, { type: 'hello', tab: 'a', base: 'http://g/', state: { ...visible, intervalMs: 30_000 } });
    await gw.answer({ changed: [], removed: [], order: [] });
    hub.receive(b, { type: 'hello', tab: 'b', base: 'http://g/', state: { ...visible, intervalMs: 2000 } });
    expect(a.last('status')).toMatchObject({ status: { pace: { reason: 'chosen', delayMs: 2000 } } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(gw.reads()).toBe(2);
    await gw.answer({ changed: [], removed: [], order: null });

    hub.receive(b, { type: 'state', state: { ...visible, intervalMs: 2000, visible: false } });
    hub.receive(a, { type: 'state', state: { ...visible, paused: true } });
    expect(b.last('status')).toMatchObject({ status: { pace: null } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(gw.reads()).toBe(2);
    // Shown again after long enough: read at once.
    hub.receive(b, { type: 'state', state: { ...visible, intervalMs: 2000 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(gw.reads()).toBe(3);
  });

  it('paces by the gateway: slow answers stretch the interval, and Refresh now reads at once', async () => {
    const gw = gateway();
    const hub = new PollHub(gw.io);
    const a = tab();
    hub.receive(a, { type: 'hello', tab: 'a', base: 'http://g/', state: { ...visible, intervalMs: 2000 } });
    await gw.answer({ changed: [], removed: [], order: [] }, 800);
    expect(a.last('status')).toMatchObject({ status: { pace: { reason: 'slow', delayMs: 8000 }, polls: 1 } });
    await vi.advanceTimersByTimeAsync(7000);
    expect(gw.reads()).toBe(1);
    hub.receive(a, { type: 'refresh' });
    hub.receive(a, { type: 'refresh' }); // the read under way serves both
    expect(gw.reads()).toBe(2);
  });

  it('tells every tab of a failed read, keeping the model', async () => {
    const gw = gateway();
    const hub = new PollHub(gw.io);
    const a = tab();
    hub.receive(a, { type: 'hello', tab: 'a', base: 'http://g/', state: visible });
    await gw.answer({ changed: [group('x')], removed: [], order: ['x'] });
    await vi.advanceTimersByTimeAsync(5000);
    gw.pending.at(-1)!.resolve({ ok: false, error: { kind: 'http', message: '503', status: 503, retryAfter: '20' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(a.last('status')).toMatchObject({
      status: { error: { status: 503 }, pace: { reason: 'retry-after', delayMs: 20_000 } },
    });
    const b = tab();
    hub.receive(b, { type: 'hello', tab: 'b', base: 'http://g/', state: visible });
    expect(b.last('snapshot')).toMatchObject({ order: ['x'] });
    await vi.advanceTimersByTimeAsync(19_000);
    expect(gw.reads()).toBe(2);
  });

  it('sends a large model in two parts: the first screenful, then all once the tab asks', async () => {
    const gw = gateway();
    const hub = new PollHub(gw.io);
    const a = tab();
    const keys = Array.from({ length: 1000 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    hub.receive(a, { type: 'hello', tab: 'a', base: 'http://g/', state: visible });
    // The read's first screenful arrives before the rest is parsed.
    gw.pending[0]!.onHead(keys.slice(0, HEAD_SIZE).map(group), keys);
    expect(a.last('snapshot')).toMatchObject({ complete: false, order: keys });
    expect((a.last('snapshot') as { groups: Group[] }).groups).toHaveLength(HEAD_SIZE);
    hub.receive(a, { type: 'rest' });
    await gw.answer({ changed: keys.map(group), removed: [], order: keys });
    expect(a.last('snapshot')).toMatchObject({ complete: true });
    expect((a.last('snapshot') as { groups: Group[] }).groups).toHaveLength(1000);

    const b = tab();
    hub.receive(b, { type: 'hello', tab: 'b', base: 'http://g/', state: visible });
    expect(b.got.filter((m) => m.type === 'snapshot')).toHaveLength(1);
    // Changes before it asked for the rest are in the whole model it gets then.
    await vi.advanceTimersByTimeAsync(5000);
    await gw.answer({ changed: [group('k0001')], removed: ['k0000'], order: keys.slice(1) });
    expect(b.got.filter((m) => m.type === 'diff')).toHaveLength(0);
    hub.receive(b, { type: 'rest' });
    expect(b.last('snapshot')).toMatchObject({ complete: true, order: keys.slice(1) });
  });
});
