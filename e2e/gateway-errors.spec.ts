/**
 * Issue 26, case 7: a gateway, or a proxy in front of it, that answers 500 with a body echoing the
 * request (its `Authorization: Basic …` among the headers, in an HTML page, with a reason phrase of
 * its own). Viewers see the status and a short, safe excerpt on every way the failure reaches
 * them; the server's log alone gets the whole body, masked. The upstream is a small local server
 * in place of the gateway: no real gateway answers so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TestApp } from './harness';
import { send } from './raw-http';

const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-echo-'));
writeFileSync(path.join(dir, 'auth'), 'alice:s3cret\n');
/** The credential in every form it could leak: the password, the pair, and Basic's base64 of it. */
const SECRETS = /s3cret|alice:|YWxpY2U6czNjcmV0/;

/** Answers everything 500, echoing the request line and headers in an HTML page. */
async function echoingUpstream(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    const headers = Object.entries(req.headers)
      .map(([name, value]) => `${name}: ${String(value)}`)
      .join('\n');
    res.writeHead(500, `Basic ${Buffer.from('alice:s3cret').toString('base64')}`, { 'Content-Type': 'text/html' });
    res.end(
      `<html><head><title>Upstream error</title><script>alert(1)</script></head><body><h1>Proxy error</h1>` +
        `<pre>${req.method} ${req.url} HTTP/1.1\n${headers}\nx-request-id: marker-4711\n` +
        `upstream: http://alice:s3cret@10.0.0.9:9091/</pre></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

test('an error body echoing the credentials reaches no viewer, and the log only masked', async () => {
  const upstream = await echoingUpstream();
  const lines: string[] = [];
  const app = await TestApp.start(upstream.url, {
    credentials: { basicAuthFile: path.join(dir, 'auth') },
    log: (line) => lines.push(line),
    pollIntervalMs: 500,
    prune: {
      intervalMs: 500,
      maxDeletesPerRun: 10,
      rules: [{ name: 'all', match: '{}', matchers: [], olderThan: 60 }],
    },
  });
  const port = Number(new URL(app.url).port);
  const seen: string[] = [];
  const safe = (what: string, text: string) => {
    seen.push(text);
    expect(text, what).not.toMatch(SECRETS);
    expect(text, what).not.toMatch(/<|authorization|marker-4711|alert/i);
  };
  try {
    // The stream: its status event after a failed poll.
    const controller = new AbortController();
    const events = await fetch(new URL('-/pushboard/events', app.url), { signal: controller.signal });
    const reader = events.body!.getReader();
    let stream = '';
    while (!/event: status\ndata: [^\n]*answered 500/.test(stream)) {
      stream += new TextDecoder().decode((await reader.read()).value);
    }
    controller.abort();
    safe('the stream', stream);
    expect(stream).toContain(
      'The gateway answered 500 Internal Server Error for api/v1/metrics: Upstream error Proxy error GET /api/v1/metrics HTTP/1.1',
    );

    // The gateway's API, proxied as the app reads it.
    for (const target of ['/api/v1/status', '/api/v1/metrics']) {
      const answer = await send(port, 'GET', target);
      expect(answer.status, target).toBe(500);
      expect(answer.headers['content-type'], target).toBe('text/plain; charset=utf-8');
      safe(target, JSON.stringify(answer));
      expect(answer.body).toContain(`Upstream error Proxy error GET ${target} HTTP/1.1`);
    }

    // Undo's copy of the gateway's /metrics: the status alone.
    const pushed = await send(port, 'GET', '/-/pushboard/pushed.pb');
    expect(pushed.status).toBe(502);
    safe('pushed.pb', JSON.stringify(pushed));

    // The Rules page's answer, after a run that could not read the gateway.
    await expect
      .poll(async () => (await (await fetch(new URL('-/pushboard/rules', app.url))).json()).lastRun?.error ?? '')
      .toContain('answered 500');
    safe('the rules', await (await fetch(new URL('-/pushboard/rules', app.url))).text());
  } finally {
    await app.stop();
    upstream.server.close();
  }
  // The log has the whole body, for whoever runs the server, masked.
  const log = lines.join('\n');
  expect(log).toContain('x-request-id: marker-4711');
  expect(log).toContain('upstream: http://…@10.0.0.9:9091/');
  expect(log).toMatch(/authorization: Basic …/);
  expect(log).not.toMatch(SECRETS);
  expect(seen.length).toBeGreaterThan(3);
});
