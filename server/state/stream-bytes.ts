/**
 * The event stream's bytes, made once per event and shared by every viewer.
 *
 * Compression is the stream's main memory cost when each viewer has a compressor of its own:
 * Node's zlib at its defaults (windowBits 15, memLevel 8) holds about 256 kB of state per stream,
 * and a viewer that stops reading also keeps, in its compressor's input, every event it has not
 * taken yet, uncompressed and as a copy of its own. 300 such viewers took the server to 2 GB.
 *
 * Here each event is compressed once, as a raw deflate segment that ends in a sync flush and
 * refers to nothing before it; segments can follow each other in any order and still make one
 * valid deflate stream. A gzip viewer gets the gzip header once and then the same segments as
 * every other gzip viewer, so a stalled viewer holds references to shared buffers, never copies,
 * and no viewer has a compressor at all. The cost: no event can refer back to an earlier one,
 * which the snapshot (one large event) does not need and a diff of a few groups hardly misses
 * (docs/benchmark.md has the figures). The stream has no gzip trailer: it never ends cleanly,
 * and a browser that loses it reconnects, whatever the reason.
 */
import { constants, deflateRaw, deflateRawSync } from 'node:zlib';

/** gzip's 10-byte header: deflate, no name, no time, unknown OS. */
export const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);

/** Events up to this size are compressed at once; larger ones off the thread (libuv's pool). */
const SYNC_LIMIT = 64 * 1024;
const OPTIONS = { finishFlush: constants.Z_SYNC_FLUSH };

export class EventBytes {
  readonly plain: Buffer;
  private compressed: Buffer | Promise<Buffer> | undefined;

  constructor(text: string) {
    this.plain = Buffer.from(text);
  }

  /** The event as written to an SSE stream: `event: …` and `data: …`. */
  static event(event: string, json: string): EventBytes {
    return new EventBytes(`event: ${event}\ndata: ${json}\n\n`);
  }

  /** The bytes for a viewer: plain, or a deflate segment (made once, on first need). */
  get(gzip: boolean): Buffer | Promise<Buffer> {
    if (!gzip) return this.plain;
    if (this.compressed) return this.compressed;
    if (this.plain.length <= SYNC_LIMIT) return (this.compressed = deflateRawSync(this.plain, OPTIONS));
    const made = new Promise<Buffer>((resolve, reject) =>
      deflateRaw(this.plain, OPTIONS, (error, out) => (error ? reject(error) : resolve(out))),
    );
    this.compressed = made;
    void made.then(
      (out) => (this.compressed = out),
      () => (this.compressed = undefined),
    );
    return made;
  }
}

/** The same bytes as the last time for the same key (a version, a status object), else new. */
export function lastOf<K, V>(make: (key: K) => V): (key: K) => V {
  let last: { key: K; value: V } | undefined;
  return (key) => {
    if (last?.key !== key) last = { key, value: make(key) };
    return last.value;
  };
}
