/**
 * Server-Sent Events of the gateway's state: a snapshot (the first screenful first), then only
 * what changed, then the poll status after every poll. A viewer that falls too far behind is
 * dropped; its browser reconnects by itself and starts again from a fresh snapshot.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { GatewayModel } from './model';
import { snapshotTexts } from './snapshot-text';

/** How many groups the first event carries: enough to fill the first screen. */
export const FIRST_SCREEN = 400;
/** How many groups the page itself carries: one tall screen's worth. */
export const PAGE_SCREEN = 60;
const HEARTBEAT_MS = 15_000;

/** One id per server process: a viewer that sees another one knows the server restarted. */
export const SERVER_ID = randomUUID();

export interface StreamOptions {
  /** Called with each event's size, for the server's metrics. */
  onBytes?: (bytes: number) => void;
  /** The most a viewer may have waiting unsent before it is dropped. */
  maxBacklogBytes?: (state: GatewayModel) => number;
}

const defaultBacklog = (state: GatewayModel) => Math.max(4 * 1024 * 1024, 2 * state.lastAnswerBytes);

export function streamHandler(state: GatewayModel, options: StreamOptions = {}) {
  const maxBacklog = options.maxBacklogBytes ?? defaultBacklog;
  const texts = snapshotTexts(SERVER_ID, FIRST_SCREEN);
  /**
   * The snapshot event's text, for the page to carry (the first groups show before the stream
   * is open); null before the first poll, when there is nothing to show.
   */
  const first = () => (state.status.lastSuccess === null ? null : texts.pageFirst(state, PAGE_SCREEN));
  const handler = (req: Request, res: Response) => {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    // nginx and other proxies must pass each event on as it comes.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    const flush = () => (res as Response & { flush?: () => void }).flush?.();
    let closed = false;
    const send = (event: string, data: unknown) => sendText(event, JSON.stringify(data));
    const sendText = (event: string, json: string) => {
      if (closed) return;
      const text = `event: ${event}\ndata: ${json}\n\n`;
      res.write(text);
      flush();
      options.onBytes?.(Buffer.byteLength(text));
    };

    res.write('retry: 2000\n\n');
    const release = state.acquire();
    const { first, rest } = texts(state);
    sendText('snapshot', first);
    // Its own event after the first one, which the browser shows as soon as it has arrived.
    // Changes and statuses wait for it: a viewer applies them to the whole snapshot.
    let held: Array<() => void> | null = null;
    if (rest !== null) {
      held = [];
      void rest.then((text) => {
        sendText('rest', text);
        const waiting = held ?? [];
        held = null;
        for (const f of waiting) f();
      });
    }

    const onDiff = (version: number, diff: unknown): void => {
      if (held) return void held.push(() => onDiff(version, diff));
      if (res.writableLength > maxBacklog(state)) {
        // Too slow to keep up: its backlog would grow without bound. It resyncs on reconnect.
        close();
        res.destroy();
        return;
      }
      send('diff', { version, ...(diff as object) });
    };
    const onStatus = (status: unknown): void => {
      if (held) held.push(() => onStatus(status));
      else send('status', status);
    };
    state.on('diff', onDiff);
    state.on('status', onStatus);
    const heartbeat = setInterval(() => {
      if (!closed) res.write(': ping\n\n');
      flush();
    }, HEARTBEAT_MS);
    heartbeat.unref();

    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      state.off('diff', onDiff);
      state.off('status', onStatus);
      release();
    };
    req.on('close', close);
    res.on('close', close);
  };
  return Object.assign(handler, { first });
}
