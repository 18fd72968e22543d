import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Group } from '../../core/metrics-types';
import { decodeSnapshot, encodeRest, encodeSnapshot, type PollStatus } from '../../core/wire/stream';
import { WIRE_VERSION } from '../../core/wire/version';
import { firstGroups, restText, snapshotTexts, withCutHelp, type SnapshotSource } from './snapshot-text';

const group = (key: string) => ({ key, labels: { job: key }, families: [] }) as unknown as Group;

function source(keys: string[]): SnapshotSource & { calls: number } {
  const status: PollStatus = { lastSuccess: 1, error: null, intervalMs: 5000 };
  const state = {
    version: 1,
    status,
    calls: 0,
    snapshot() {
      state.calls++;
      return { version: state.version, groups: keys.map(group) };
    },
  };
  return state;
}

afterEach(() => vi.useRealTimers());

describe('snapshotTexts', () => {
  it('writes the same events as JSON.stringify of the whole snapshot', async () => {
    const state = source(['a', 'b', 'c']);
    const { first, rest } = snapshotTexts('srv', 2)(state);
    const event = { server: 'srv', version: 1, status: state.status, total: 3, groups: [group('a'), group('b')] };
    expect(JSON.parse(first)).toEqual({ wire: WIRE_VERSION, ...event, complete: false });
    // Written by hand, a piece at a time, but as the wire protocol's encoder writes it.
    expect(first).toBe(encodeSnapshot({ ...event, complete: false }));
    expect(decodeSnapshot(JSON.parse(first)).groups).toEqual(event.groups);
    expect(await rest).toBe(encodeRest({ version: 1, order: ['a', 'b', 'c'], groups: [group('c')] }));
  });

  it('has no rest when the first screen holds every group', () => {
    const { first, rest } = snapshotTexts('srv', 5)(source(['a', 'b']));
    expect(JSON.parse(first).complete).toBe(true);
    expect(rest).toBeNull();
  });

  it('makes the texts once per version, with the status of the moment', () => {
    const state = source(['a', 'b', 'c']);
    const texts = snapshotTexts('srv', 2);
    const one = texts(state);
    state.status = { ...state.status, lastSuccess: 2 };
    const two = texts(state);
    expect(state.calls).toBe(1);
    expect(two.rest).toBe(one.rest);
    expect(JSON.parse(two.first).status.lastSuccess).toBe(2);
    state.version = 2;
    expect(JSON.parse(texts(state).first).version).toBe(2);
    expect(state.calls).toBe(2);
  });

  it('lets the texts go when nobody asked for them in a while', () => {
    vi.useFakeTimers();
    const state = source(['a', 'b', 'c']);
    const texts = snapshotTexts('srv', 2, { keepMs: 1000 });
    texts(state);
    vi.advanceTimersByTime(900);
    texts(state);
    vi.advanceTimersByTime(900);
    texts(state);
    expect(state.calls).toBe(1);
    vi.advanceTimersByTime(1001);
    texts(state);
    expect(state.calls).toBe(2);
  });

  it('makes the rest a slice at a time, as JSON.stringify would in one piece', async () => {
    const groups = ['a', 'b', 'c', 'd', 'e'].map(group);
    const order = ['z', 'a', 'b', 'c', 'd', 'e'];
    for (const slice of [1, 2, 5, 10])
      expect(await restText(3, order, groups, slice)).toBe(JSON.stringify({ version: 3, order, groups }));
    expect(await restText(3, [], [], 2)).toBe(JSON.stringify({ version: 3, order: [], groups: [] }));
  });
});

describe('the page’s first event', () => {
  it('is the snapshot event with only the first screen of groups, made once per version', () => {
    const groups = Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, families: [] }) as unknown as Group);
    let made = 0;
    const state = {
      version: 3,
      status: { lastSuccess: 1, error: null, intervalMs: 5000 },
      snapshot: () => (made++, { version: 3, groups }),
    };
    const texts = snapshotTexts('srv', 4);
    const page = JSON.parse(texts.pageFirst(state, 2));
    expect(page).toEqual({
      wire: WIRE_VERSION,
      server: 'srv',
      version: 3,
      status: state.status,
      total: 5,
      groups: [
        { key: 'k0', families: [] },
        { key: 'k1', families: [] },
      ],
      complete: false,
    });
    state.status = { lastSuccess: 2, error: null, intervalMs: 5000 };
    expect(JSON.parse(texts.pageFirst(state, 2)).status.lastSuccess).toBe(2);
    expect(made).toBe(1);
  });
});

describe('bounded first groups', () => {
  const helped = (key: string, help: string) =>
    ({ key, labels: { job: key }, families: [{ name: 'm', help, samples: [] }] }) as unknown as Group;

  it('takes groups up to the count and the byte budget, whatever one group’s size', () => {
    const groups = [helped('a', 'x'), helped('b', 'y'.repeat(5000)), helped('c', 'z')];
    expect(firstGroups(groups, 10, 1_000_000).count).toBe(3);
    expect(firstGroups(groups, 2, 1_000_000).count).toBe(2);
    const bounded = firstGroups(groups, 10, 1000);
    expect(bounded.count).toBe(1);
    expect(JSON.parse(bounded.json)).toEqual([groups[0]]);
    expect(firstGroups([helped('big', 'q'.repeat(5000))], 10, 1000)).toEqual({ json: '[]', count: 0 });
  });

  it('cuts long HELP texts for the page, marked, and leaves short ones as they are', () => {
    const long = helped('a', 'h'.repeat(3000));
    const cut = withCutHelp(long, 100);
    expect(cut.families[0]!.help).toBe(`${'h'.repeat(100)}…`);
    expect(long.families[0]!.help).toHaveLength(3000);
    const short = helped('b', 'short');
    expect(withCutHelp(short, 100)).toBe(short);
  });

  it('carries the same page text for the same version and status, a new one after either changes', () => {
    const texts = snapshotTexts('srv', 2);
    const state = source(['a', 'b', 'c']);
    const one = texts.pageFirst(state, 2, 10_000);
    expect(texts.pageFirst(state, 2, 10_000)).toBe(one);
    expect(state.calls).toBe(1);
    state.status = { ...state.status, lastSuccess: 2 };
    expect(texts.pageFirst(state, 2, 10_000)).not.toBe(one);
    expect(state.calls).toBe(1);
    expect(JSON.parse(one)).toMatchObject({ total: 3, complete: false });
  });
});
