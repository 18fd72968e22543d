import { describe, expect, it } from 'vitest';
import type { Group } from '../metrics-types';
import {
  decodeDiff,
  decodeRest,
  decodeSnapshot,
  decodeStatus,
  encodeDiff,
  encodeRest,
  encodeSnapshot,
  encodeStatus,
  type PollStatus,
} from './stream';
import { WireShapeError } from './read';
import { WIRE_VERSION } from './version';

const group = (key: string) =>
  ({
    key,
    labels: { job: key },
    families: [],
    pushTime: 1,
    failureTime: 0,
    lastPushSuccessful: true,
  }) as unknown as Group;

const status: PollStatus = {
  lastSuccess: 1_700_000_000_000,
  error: { kind: 'http', message: 'Busy.', status: 429, retryAfter: '30' },
  intervalMs: 5000,
  gateways: [
    { name: 'eu', lastSuccess: null, error: { kind: 'network', message: 'Unreachable.' } },
    { name: 'us', lastSuccess: 5, error: null },
  ],
};

describe('the stream’s messages', () => {
  it('give back a snapshot as it was sent, with the wire version', () => {
    const event = { server: 'srv', version: 3, status, total: 2, groups: [group('a')], complete: false };
    expect(decodeSnapshot(JSON.parse(encodeSnapshot(event)))).toEqual({ wire: WIRE_VERSION, ...event });
  });

  it('read a snapshot from a server before wire versions, with its order', () => {
    const event = { server: 's', version: 0, status: { lastSuccess: null, error: null, intervalMs: 1 } };
    const old = { ...event, order: ['a'], groups: [group('a')], complete: true };
    expect(decodeSnapshot(JSON.parse(JSON.stringify(old)))).toEqual(old);
  });

  it('give back the rest, a diff and a status as they were sent', () => {
    const rest = { version: 4, order: ['a', 'b'], groups: [group('b')] };
    expect(decodeRest(JSON.parse(encodeRest(rest)))).toEqual(rest);
    const diff = { changed: [group('c')], removed: ['a'], order: null };
    expect(decodeDiff(JSON.parse(encodeDiff(5, diff)))).toEqual({ version: 5, ...diff });
    const reordered = { changed: [], removed: [], order: ['c', 'b'] };
    expect(decodeDiff(JSON.parse(encodeDiff(6, reordered)))).toEqual({ version: 6, ...reordered });
    expect(decodeStatus(JSON.parse(encodeStatus(status)))).toEqual(status);
    const plain = { lastSuccess: null, error: null, intervalMs: 2000 };
    expect(decodeStatus(JSON.parse(encodeStatus(plain)))).toEqual(plain);
  });

  it('ignore fields a newer server adds', () => {
    const sent = { version: 1, changed: [], removed: [], order: null, moved: ['x'] };
    expect(decodeDiff(sent)).toEqual({ version: 1, changed: [], removed: [], order: null });
  });

  it.each([
    [
      'a snapshot with no status',
      () => decodeSnapshot({ server: 's', version: 1, groups: [], complete: true }),
      'status',
    ],
    [
      'a snapshot whose version is text',
      () => decodeSnapshot({ server: 's', version: '1', status, groups: [], complete: true }),
      'version is a string, not a number',
    ],
    [
      'a snapshot with something else than a group',
      () => decodeSnapshot({ server: 's', version: 1, status, groups: [{ key: 1 }], complete: true }),
      'groups[0] is not a group',
    ],
    ['a diff that is an array', () => decodeDiff([]), 'the message is an array'],
    ['a diff with no removed', () => decodeDiff({ version: 1, changed: [], order: null }), 'removed is missing'],
    ['a rest with keys that are not text', () => decodeRest({ version: 1, order: [1], groups: [] }), 'order'],
    [
      'a status whose error has an unknown kind',
      () => decodeStatus({ lastSuccess: null, error: { kind: 'odd', message: 'x' }, intervalMs: 1 }),
      'error.kind',
    ],
    [
      'a status with a gateway with no name',
      () =>
        decodeStatus({ lastSuccess: null, error: null, intervalMs: 1, gateways: [{ lastSuccess: 1, error: null }] }),
      'gateways[0].name is missing',
    ],
  ])('refuse %s, saying which field', (_, decode, field) => {
    expect(decode).toThrow(WireShapeError);
    expect(decode).toThrow(field);
  });
});
