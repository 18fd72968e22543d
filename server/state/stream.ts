/**
 * Server-Sent Events of the gateway's state: a snapshot (the first screenful first), then only
 * what changed, then the poll status after every poll.
 *
 * Memory is bounded per viewer and in all:
 * - every event's bytes are made once and shared by every viewer (stream-bytes.ts), compressed
 *   or not, so a viewer costs its socket and references, never copies;
 * - a viewer whose unsent backlog outgrows its limit is dropped: its browser reconnects by itself
 *   and starts again from a fresh snapshot;
 * - a heartbeat every HEARTBEAT_MS keeps proxies from closing a quiet stream, and drops a viewer
 *   that took no byte through two of them while bytes waited for it (a peer that stopped reading
 *   or vanished);
 * - the open streams are capped, in all and per client address (stream-caps.ts): beyond, 429.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { encodeDiff, encodeStatus, type PollStatus } from '../../core/wire/stream';
import type { GatewayModel } from './model';
import { snapshotTexts } from './snapshot-text';
import { EventBytes, GZIP_HEADER, lastOf } from './stream-bytes';
import { DEFAULT_STREAM_CAPS, RETRY_AFTER_S, StreamCaps, type StreamCapsOptions } from './stream-caps';
import { StreamViewer } from './stream-viewer';

/** How many groups the first event carries at most: enough to fill the first screen. */
export const FIRST_SCREEN = 400;
/** How many groups the page itself carries at most: one tall screen's worth. */
export const PAGE_SCREEN = 60;
/** The most bytes of groups in the first event and in the page: a group beyond waits for the rest. */
export const FIRST_BYTES = 256 * 1024;
export const HEARTBEAT_MS = 15_000;

/** One id per server process: a viewer that sees another one knows the server restarted. */
export const SERVER_ID = randomUUID();

export interface StreamOptions {
  /** Called with each event's size (uncompressed), for the server's metrics. */
  onBytes?: (bytes: number) => void;
  /** The most a viewer may have waiting unsent (beyond its snapshot) before it is dropped. */
  maxBacklogBytes?: (state: GatewayModel) => number;
  heartbeatMs?: number;
  caps?: StreamCapsOptions;
  /** The client's address, for the caps (the socket's by default). */
  clientOf?: (req: Request) => string;
  /** Told of each refused stream (for the log). */
  onRefused?: (client: string, reason: string) => void;
}

const defaultBacklog = (state: GatewayModel) => Math.max(4 * 1024 * 1024, 2 * state.lastAnswerBytes);
const RETRY = new EventBytes('retry: 2000\n\n');
const PING = new EventBytes(': ping\n\n');

export function streamHandler(state: GatewayModel, options: StreamOptions = {}) {
  const maxBacklog = options.maxBacklogBytes ?? defaultBacklog;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const caps = new StreamCaps(options.caps ?? DEFAULT_STREAM_CAPS);
  const clientOf = options.clientOf ?? ((req: Request) => req.socket.remoteAddress ?? '');
  const texts = snapshotTexts(SERVER_ID, FIRST_SCREEN, { firstBytes: FIRST_BYTES });
  /**
   * The snapshot event's text, for the page to carry (the first groups show before the stream
   * is open); null before the first poll, when there is nothing to show. The same string for
   * the same version and status.
   */
  const first = () => (state.status.lastSuccess === null ? null : texts.pageFirst(state, PAGE_SCREEN, FIRST_BYTES));

  // Each event's bytes once, for every viewer.
  const viewers = new Set<StreamViewer>();
  const firstBytes = lastOf((text: string) => EventBytes.event('snapshot', text));
  const restBytes = lastOf((rest: Promise<string>) => rest.then((text) => EventBytes.event('rest', text)));
  const statusBytes = lastOf((status: PollStatus) => EventBytes.event('status', encodeStatus(status)));
  state.on('diff', (version, diff) => {
    if (viewers.size === 0) return;
    const bytes = EventBytes.event('diff', encodeDiff(version, diff));
    for (const viewer of viewers) viewer.send(bytes);
  });
  state.on('status', (status) => {
    if (viewers.size === 0) return;
    const bytes = statusBytes(status);
    for (const viewer of viewers) viewer.send(bytes);
  });
  let heartbeat: NodeJS.Timeout | undefined;
  const beat = () => {
    for (const viewer of viewers) viewer.beat(PING);
  };

  const handler = (req: Request, res: Response) => {
    const client = clientOf(req);
    const admitted = caps.admit(client);
    if (!admitted.ok) {
      options.onRefused?.(client, admitted.reason);
      res.status(429).setHeader('Retry-After', String(RETRY_AFTER_S));
      res.type('text/plain').send(`${admitted.reason} Try again later.\n`);
      return;
    }
    const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    // nginx and other proxies must pass each event on as it comes.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    const release = state.acquire();
    const viewer = new StreamViewer(res, {
      gzip,
      maxBacklog: () => maxBacklog(state),
      onBytes: options.onBytes,
      onClose: () => {
        viewers.delete(viewer);
        if (viewers.size === 0) clearInterval(heartbeat);
        release();
        admitted.release();
      },
    });
    if (gzip) viewer.writeRaw(GZIP_HEADER);
    viewer.send(RETRY, { snapshot: true });
    const { first, rest } = texts(state);
    viewer.send(firstBytes(first), { snapshot: true });
    // Its own event after the first one, which the browser shows as soon as it has arrived.
    // Changes and statuses wait for it: a viewer applies them to the whole snapshot.
    if (rest !== null) viewer.send(restBytes(rest), { snapshot: true });
    if (viewers.size === 0) {
      heartbeat = setInterval(beat, heartbeatMs);
      heartbeat.unref();
    }
    viewers.add(viewer);
    req.on('close', () => viewer.close());
    res.on('close', () => viewer.close());
  };
  return Object.assign(handler, { first, openStreams: () => caps.count });
}
