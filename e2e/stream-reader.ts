/** Raw clients of the event stream: one that reads every event, and one that never reads. */
import { connect, type Socket } from 'node:net';

export interface StreamEvent {
  event: string;
  data: string;
}

/** Reads the stream as a gzip-accepting browser would, keeping every event; `close` ends it. */
export function followStream(eventsUrl: URL) {
  const events: StreamEvent[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(eventsUrl, { headers: { 'Accept-Encoding': 'gzip' }, signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) events.push({ event, data });
      }
    }
  })().catch(() => {});
  return {
    events,
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

/**
 * Asks for the stream from `localAddress` (any 127.x.y.z) and, once the answer's first bytes have
 * come, never reads another: a stalled viewer. Resolves with the answer's status.
 */
export function stalledStream(
  port: number,
  { localAddress = '127.0.0.1', gzip = true, path = '/-/pushboard/events' } = {},
): Promise<{ status: number; head: string; socket: Socket; closed: () => boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      const head = chunk.toString('latin1').split('\r\n\r\n')[0] ?? '';
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, socket, closed: () => closed });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${gzip ? 'Accept-Encoding: gzip, deflate, br\r\n' : ''}\r\n`,
    );
  });
}
