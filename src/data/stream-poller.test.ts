import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { StreamPoller } from './stream-poller';
import { resetWireCheck, serverWireMismatch } from './wire-check';

/** The browser's EventSource, driven by the test: the server's events are what the test sends. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 1;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (event: { data: string }) => void>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: { data: string }) => void) {
    this.listeners.set(type, listener);
  }

  send(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) });
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

const group = (instance: string, stamp = 't1'): Group => {
  return parseGroup(
    {
      labels: { job: 'j', instance },
      last_push_successful: true,
      push_time_seconds: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: '100' }] },
    },
    0,
  );
};
const key = (instance: string) => `{job="j", instance="${instance}"}`;
const status = { lastSuccess: 1000, error: null, intervalMs: 5000 };
const snapshot = (
  server: string,
  version: number,
  groups: Group[],
  complete = true,
  order = groups.map((g) => g.key),
) => ({
  server,
  version,
  status,
  order,
  groups,
  complete,
});
const shown = (data: { groups: Group[] }) => data.groups.map((g) => g.instance ?? '');
const latest = () => FakeEventSource.opened.at(-1)!;

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
});
/**
 * The page reads the rest of a snapshot after the next frame, then a task. This waits the same
 * way, queued after the page's own: a fixed 5 ms could end first on a loaded machine, when both
 * timers were due together and the page's task was still to be queued.
 */
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
afterEach(() => {
  vi.unstubAllGlobals();
  resetWireCheck();
});

describe('StreamPoller', () => {
  it('shows the first screenful, then the rest, then each change', async () => {
    const poller = new StreamPoller('/-/pushboard/events');
    const partials: string[][] = [];
    const first = poller.poll((part) => partials.push(shown(part)));
    const { order: _order, ...head } = snapshot('s1', 3, [group('a')], false);
    latest().send('snapshot', { ...head, total: 3 });
    expect(shown(await first)).toEqual(['a']);
    expect((await first).partial).toBe(3);
    expect(partials).toEqual([['a']]);
    latest().send('rest', { version: 3, order: [key('a'), key('b'), key('c')], groups: [group('b'), group('c')] });
    // A change arriving before the rest is read waits for it.
    latest().send('diff', { version: 4, changed: [], removed: [key('c')], order: [key('a'), key('b')] });
    expect((await poller.poll()).partial).toBe(3);
    await frame();
    expect(shown(await poller.poll())).toEqual(['a', 'b']);

    latest().send('diff', { version: 5, changed: [group('c')], removed: [key('a')], order: [key('b'), key('c')] });
    const data = await poller.poll();
    expect(shown(data)).toEqual(['b', 'c']);
    expect(data.partial).toBeUndefined();
  });

  it('starts again from a fresh snapshot when a change was missed', async () => {
    const poller = new StreamPoller('/-/pushboard/events');
    const stream = latest();
    stream.send('snapshot', snapshot('s1', 3, [group('a'), group('b')]));
    await poller.poll();
    stream.send('diff', { version: 5, changed: [group('x')], removed: [], order: [key('a'), key('b'), key('x')] });
    expect(stream.readyState).toBe(FakeEventSource.CLOSED);
    expect(FakeEventSource.opened).toHaveLength(2);
    // The missed change is in the new snapshot; the out-of-order one was not applied on its own.
    expect(shown(await poller.poll())).toEqual(['a', 'b']);
    latest().send('snapshot', snapshot('s1', 5, [group('a'), group('x')]));
    expect(shown(await poller.poll())).toEqual(['a', 'x']);
  });

  it('after a server restart, shows exactly the new server’s groups, none twice and none lost', async () => {
    const poller = new StreamPoller('/-/pushboard/events');
    const follower = { data: vi.fn(), refetch: vi.fn() };
    poller.follow(follower);
    latest().send('snapshot', snapshot('s1', 9, [group('a'), group('b'), group('c')]));
    await poller.poll();
    latest().onerror?.();
    await expect(poller.poll()).rejects.toThrow('Lost the connection to the Pushboard server; reconnecting.');
    expect(follower.refetch).toHaveBeenCalled();
    // The browser reconnects by itself; the new server starts counting again.
    latest().send('snapshot', snapshot('s2', 1, [group('a'), group('c', 't2'), group('d')]));
    const data = await poller.poll();
    expect(shown(data)).toEqual(['a', 'c', 'd']);
    expect(follower.data).toHaveBeenLastCalledWith(data);
    latest().send('diff', { version: 2, changed: [], removed: [key('d')], order: [key('a'), key('c')] });
    expect(shown(await poller.poll())).toEqual(['a', 'c']);
  });

  it('reports the gateway error the server saw, keeping the data, until a poll succeeds', async () => {
    const poller = new StreamPoller('/-/pushboard/events');
    latest().send('snapshot', snapshot('s1', 1, [group('a')]));
    await poller.poll();
    const error = {
      kind: 'network',
      message: 'Pushboard could not reach the Pushgateway at http://gw:9091/: ECONNREFUSED',
    };
    latest().send('status', { ...status, error });
    await expect(poller.poll()).rejects.toThrow(error.message);
    latest().send('status', { ...status, lastSuccess: 2000 });
    expect(shown(await poller.poll())).toEqual(['a']);
  });

  it('with several gateways, names the one down and keeps its groups, while the others stay live', async () => {
    const poller = new StreamPoller('/-/pushboard/events');
    const follower = { data: vi.fn(), refetch: vi.fn() };
    poller.follow(follower);
    const gateways = (eu1: string | null) => [
      { name: 'eu-1', lastSuccess: 900, error: eu1 ? { kind: 'network', message: eu1 } : null },
      { name: 'us-1', lastSuccess: 1000, error: null },
    ];
    latest().send('snapshot', { ...snapshot('s1', 1, [group('a')]), status: { ...status, gateways: gateways(null) } });
    expect((await poller.poll()).gatewaysDown).toBeUndefined();
    latest().send('status', { ...status, gateways: gateways('ECONNREFUSED') });
    const data = await poller.poll();
    expect(shown(data)).toEqual(['a']);
    expect(data.gatewaysDown).toEqual([{ name: 'eu-1', message: 'ECONNREFUSED', lastSuccess: 900 }]);
    expect(follower.data).toHaveBeenLastCalledWith(data);
    latest().send('status', { ...status, gateways: gateways(null) });
    expect((await poller.poll()).gatewaysDown).toBeUndefined();
  });

  it('reads the rest in a hidden tab too, where no frame is drawn', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const poller = new StreamPoller('/-/pushboard/events');
    const { order: _order, ...head } = snapshot('s1', 1, [group('a')], false);
    latest().send('snapshot', { ...head, total: 2 });
    latest().send('rest', { version: 1, order: [key('a'), key('b')], groups: [group('b')] });
    expect((await poller.poll()).partial).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(shown(await poller.poll())).toEqual(['a', 'b']);
  });
});

describe('StreamPoller and the wire protocol', () => {
  it('starts again from a fresh snapshot when a change or a status cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const poller = new StreamPoller('/-/pushboard/events');
    latest().send('snapshot', snapshot('s1', 3, [group('a')]));
    await poller.poll();
    latest().send('diff', { version: 4, changed: [group('b')], order: null });
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(FakeEventSource.opened[0]!.readyState).toBe(FakeEventSource.CLOSED);
    latest().send('status', { ...status, intervalMs: 'soon' });
    expect(FakeEventSource.opened).toHaveLength(3);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('removed is missing'));
    // Nothing unreadable was applied.
    expect(shown(await poller.poll())).toEqual(['a']);
  });

  it('carries on with a server of a newer minor version, ignoring what it does not know', async () => {
    const poller = new StreamPoller('/-/pushboard/events');
    latest().send('snapshot', { ...snapshot('s1', 1, [group('a')]), wire: '1.99', hint: 'new' });
    latest().send('diff', { version: 2, changed: [group('b')], removed: [], order: [key('a'), key('b')], moved: 1 });
    expect(shown(await poller.poll())).toEqual(['a', 'b']);
    expect(serverWireMismatch()).toBeUndefined();
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('stops following a server of another major version, keeping what it showed', async () => {
    vi.useFakeTimers();
    try {
      const poller = new StreamPoller('/-/pushboard/events');
      const follower = { data: vi.fn(), refetch: vi.fn() };
      poller.follow(follower);
      latest().send('snapshot', { ...snapshot('s1', 1, [group('a')]), wire: '1.0' });
      // The server restarts with a new build; the browser reconnects by itself.
      latest().onerror?.();
      latest().send('snapshot', { ...snapshot('s2', 1, [group('x')]), wire: '2.0' });
      expect(serverWireMismatch()).toBe('2.0');
      expect(latest().readyState).toBe(FakeEventSource.CLOSED);
      expect(follower.refetch).toHaveBeenCalled();
      vi.advanceTimersByTime(10_000);
      expect(FakeEventSource.opened).toHaveLength(1);
      expect(shown(await poller.poll())).toEqual(['a']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not start from an embedded snapshot of another major version', async () => {
    const { order: _order, ...head } = snapshot('s1', 7, [group('a')]);
    vi.stubGlobal('document', {
      getElementById: () => ({ textContent: JSON.stringify({ ...head, wire: '0.9' }), remove: () => {} }),
    });
    const poller = new StreamPoller('/-/pushboard/events');
    expect(FakeEventSource.opened).toHaveLength(0);
    await expect(poller.poll()).rejects.toThrow('Pushboard was updated on the server: reload this page.');
  });
});

describe('StreamPoller with the first screenful in the page', () => {
  it('shows the embedded groups before the stream opens, opens it once they are drawn, then takes its snapshot', async () => {
    let removed = false;
    const { order: _order, ...head } = snapshot('s1', 7, [group('a'), group('b')], false);
    vi.stubGlobal('document', {
      getElementById: (id: string) =>
        id === 'pushboard-first'
          ? { textContent: JSON.stringify({ ...head, total: 3 }), remove: () => (removed = true) }
          : null,
    });
    const poller = new StreamPoller('/-/pushboard/events');
    expect(removed).toBe(true);
    expect(FakeEventSource.opened).toHaveLength(0);
    const first = await poller.poll();
    expect(shown(first)).toEqual(['a', 'b']);
    expect(first.partial).toBe(3);

    // The page follows once it has drawn them: the stream opens then.
    const seen: string[][] = [];
    poller.follow({ data: (data) => seen.push(shown(data)), refetch: () => {} });
    // After the next frame, then a task: on a busy machine more than a fixed few milliseconds.
    await vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    latest().send('snapshot', snapshot('s1', 8, [group('a'), group('b'), group('c')]));
    expect(seen.at(-1)).toEqual(['a', 'b', 'c']);
    expect((await poller.poll()).partial).toBeUndefined();
  });

  it('ignores an unreadable embedded snapshot and opens the stream at once', () => {
    vi.stubGlobal('document', { getElementById: () => ({ textContent: '{"nope', remove: () => {} }) });
    new StreamPoller('/-/pushboard/events');
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
