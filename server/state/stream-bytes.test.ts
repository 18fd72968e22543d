import { constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EventBytes, GZIP_HEADER, lastOf } from './stream-bytes';

/** What a browser decodes from a gzip stream that has not ended (no trailer yet). */
const decode = (parts: Buffer[]) =>
  gunzipSync(Buffer.concat(parts), { finishFlush: constants.Z_SYNC_FLUSH }).toString();

describe('an event’s shared bytes', () => {
  it('compresses each event once into segments that make one gzip stream in any order', async () => {
    const a = EventBytes.event('diff', JSON.stringify({ version: 1, text: 'x'.repeat(1000) }));
    const b = EventBytes.event('status', '{"ok":true}');
    const big = EventBytes.event('rest', JSON.stringify({ groups: 'y'.repeat(200_000) }));
    const segments = [a.get(true), b.get(true), await big.get(true), a.get(true)] as Buffer[];
    // Made once: the same buffer for every viewer.
    expect(a.get(true)).toBe(segments[0]);
    expect(await big.get(true)).toBe(segments[2]);
    const text = decode([GZIP_HEADER, ...segments]);
    expect(text).toBe([a, b, big, a].map((e) => e.plain.toString()).join(''));
    // Another viewer, joining later, starts its stream at a different event.
    expect(decode([GZIP_HEADER, segments[1]!, segments[0]!])).toBe(b.plain.toString() + a.plain.toString());
    expect((segments[0] as Buffer).length).toBeLessThan(200);
  });

  it('is plain for a viewer that does not take gzip', () => {
    const a = EventBytes.event('status', '{}');
    expect(a.get(false).toString()).toBe('event: status\ndata: {}\n\n');
  });

  it('keeps the last key’s value only', () => {
    let made = 0;
    const of = lastOf((key: object) => ({ key, n: ++made }));
    const k1 = {};
    const k2 = {};
    expect(of(k1)).toBe(of(k1));
    expect(of(k2).n).toBe(2);
    expect(of(k1).n).toBe(3);
  });
});
