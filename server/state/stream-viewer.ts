/**
 * One viewer's end of the event stream: writes the shared bytes of each event in order (an event
 * still being compressed holds back those after it), and drops the viewer when it falls behind.
 */
import type { Response } from 'express';
import type { EventBytes } from './stream-bytes';

export interface ViewerOptions {
  gzip: boolean;
  /** The most that may wait unsent, beyond a snapshot not yet taken, before the viewer is dropped. */
  maxBacklog: () => number;
  onBytes?: (bytes: number) => void;
  onClose: () => void;
}

/** Heartbeats in a row with bytes waiting and none taken, after which a viewer is dropped. */
export const STILL_BEATS = 2;

const PIECE = 64 * 1024;

/** A write's bytes as they wait in the socket: in a chunk of the chunked encoding. */
const framed = (length: number) => length + length.toString(16).length + 4;

export class StreamViewer {
  private tail: Promise<void> | null = null;
  private closed = false;
  /** Bytes handed to the response by us (framing included), and how many it had passed on at the last beat. */
  private written = 0;
  private taken = -1;
  private still = 0;
  /** The snapshot's bytes may wait beyond the limit until the viewer has caught up once. */
  private snapshotAllowance = 0;
  /** The last event's size: a large diff and the status right after it are one poll's news. */
  private lastBytes = 0;

  constructor(
    private readonly res: Response,
    private readonly options: ViewerOptions,
  ) {}

  /** Bytes sent only to this viewer (the gzip header), before any event. */
  writeRaw(bytes: Buffer): void {
    this.res.write(bytes);
    this.written += framed(bytes.length);
  }

  /** Writes the event after those before it; a snapshot's part is never refused for its size. */
  send(item: EventBytes | Promise<EventBytes>, { snapshot = false } = {}): void {
    if (this.closed) return;
    if (this.tail === null && !(item instanceof Promise)) {
      const bytes = item.get(this.options.gzip);
      if (!(bytes instanceof Promise)) return this.write(item, bytes, snapshot);
    }
    const mine = (this.tail ?? Promise.resolve()).then(async () => {
      const event = await item;
      const bytes = await event.get(this.options.gzip);
      this.write(event, bytes, snapshot);
    });
    this.tail = mine;
    mine.then(
      () => this.tail === mine && (this.tail = null),
      () => this.drop(),
    );
  }

  /** A heartbeat: drops a viewer that took nothing since the last one while bytes waited. */
  beat(ping: EventBytes): void {
    if (this.closed) return;
    const waiting = this.res.writableLength;
    const taken = this.written - waiting;
    this.still = waiting > 0 && taken === this.taken ? this.still + 1 : 0;
    this.taken = taken;
    if (this.still >= STILL_BEATS) return this.drop();
    this.send(ping);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.onClose();
  }

  private write(event: EventBytes, bytes: Buffer, snapshot: boolean): void {
    if (this.closed) return;
    const waiting = this.res.writableLength;
    const limit = this.options.maxBacklog();
    if (waiting <= limit) this.snapshotAllowance = 0;
    if (!snapshot && waiting > limit + this.snapshotAllowance + this.lastBytes) {
      // Too slow to keep up: its backlog would grow without bound. It resyncs on reconnect.
      return this.drop();
    }
    if (snapshot) this.snapshotAllowance += bytes.length;
    this.lastBytes = bytes.length;
    // In pieces (views of the shared bytes, not copies): a write counts as taken only once all of
    // it has gone, and a reader that is slow but reading must be seen taking them.
    for (let at = 0; at < bytes.length; at += PIECE) {
      const piece = bytes.subarray(at, at + PIECE);
      this.res.write(piece);
      this.written += framed(piece.length);
    }
    this.options.onBytes?.(event.plain.length);
  }

  private drop(): void {
    this.close();
    this.res.destroy();
  }
}
