/** HTTP/1.1 requests written byte for byte over a socket, as an attacker would send them. */
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (request line and headers, without the blank line) and `body`; reads to the end. */
export function rawRequest(port: number, head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${head.split('\r\n')[0]}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [top, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = (top ?? '').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
      });
    });
    socket.write(`${head}\r\n\r\n`);
    socket.write(body);
  });
}

/** A request to `target` with the usual headers, plus `headers`, and `Connection: close`. */
export function send(
  port: number,
  method: string,
  target: string,
  {
    headers = {},
    body = '',
    host = `127.0.0.1:${port}`,
  }: { headers?: Record<string, string>; body?: string; host?: string } = {},
): Promise<RawResponse> {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body || method === 'PUT' || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return rawRequest(port, lines.join('\r\n'), body);
}

/**
 * Opens the event stream as a gzip-accepting client would and reads until the snapshot event has
 * arrived, with the stream still open; returns the answer's headers.
 */
export async function readUntilSnapshot(eventsUrl: URL): Promise<Headers> {
  const controller = new AbortController();
  const events = await fetch(eventsUrl, { headers: { 'Accept-Encoding': 'gzip' }, signal: controller.signal });
  const reader = events.body!.getReader();
  let text = '';
  while (!text.includes('event: snapshot')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  return events.headers;
}

/** A GET whose body comes as sent, still encoded (fetch would decode it). */
export function getEncoded(
  url: URL,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
