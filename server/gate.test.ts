// The gate and the proxy agree: for every path an attacker would try, the request reaches the
// gateway exactly when the one parse says it is a gateway path, and then with exactly the path
// that was checked. A recording HTTP server stands in for the gateway here, because only it can
// show the bytes the proxy sends; the end-to-end suite does the same against the real gateway.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_VARIANTS, GROUP_VARIANTS, WIPE_VARIANTS } from '../e2e/path-variants';
import { send } from '../e2e/raw-http';
import { createPushboard, createHttpServer } from './app.ts';
import { SERVER_USER_AGENT } from './state/fetch-gateway.ts';
import { isProxied } from './proxy.ts';
import { parseTarget } from './request-target.ts';

/** @type {Array<{ method?: string, url?: string, headers: http.IncomingHttpHeaders, body: string }>} */
let received: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];
/** Whose own reads of the gateway are recorded too (only where they are the point). */
let countOwnReads = '';
/** @type {http.Server[]} */
const upstreams: http.Server[] = [];
/** @type {Record<string, http.Server>} */
const apps: Record<string, http.Server> = {};

const portOf = (server: http.Server) => (server.address() as import('node:net').AddressInfo).port;

const listen = (server: http.Server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));

beforeAll(async () => {
  // One recording gateway per app, so that what one app reads on its own never counts for the other.
  for (const [name, options] of Object.entries({ open: {}, readOnly: { readOnly: true } })) {
    const upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        // The server's own reads (at start-up, and a change read back up to two seconds later) come
        // whenever they come: what a test counts is what its request sent on.
        if (req.headers['user-agent'] !== SERVER_USER_AGENT || countOwnReads === name) {
          received.push({ method: req.method, url: req.url, headers: req.headers, body });
        }
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Set-Cookie', 'a=b');
        res.end('{}');
      });
    });
    await listen(upstream);
    upstreams.push(upstream);
    const gatewayUrl = new URL(`http://127.0.0.1:${portOf(upstream)}/pgw/`);
    const served = createPushboard({
      gatewayUrl,
      distDir: '/nonexistent',
      log: () => {},
      maxBodyBytes: 1024,
      ...options,
    });
    apps[name] = createHttpServer(served);
    await listen(apps[name]);
  }
});

afterAll(() => {
  for (const server of [...upstreams, ...Object.values(apps)]) server.close();
});

describe('the gate and the proxy agree', () => {
  it.each(ALL_VARIANTS.flatMap((target) => ['GET', 'DELETE'].map((method) => [method, target])))(
    '%s %s',
    async (method, target) => {
      received = [];
      const response = await send(portOf(apps.open), method, target);
      const parsed = parseTarget(target);
      const proxied = parsed.ok && isProxied(parsed.path);
      expect(received.length, `reached the gateway (answer ${response.status})`).toBe(proxied ? 1 : 0);
      if (!parsed.ok) expect(response.status).toBe(400);
      if (parsed.ok && proxied) {
        // Exactly the checked path, under the gateway's own prefix, decoded the same way.
        expect(received[0].url).toBe(`/pgw${parsed.url}`);
        expect(decodeURIComponent(received[0].url?.split('?')[0] ?? '')).toBe(`/pgw${parsed.path}`);
      }
    },
  );

  it.each([...WIPE_VARIANTS, ...GROUP_VARIANTS].flatMap((t) => ['PUT', 'POST', 'DELETE'].map((m) => [m, t])))(
    'read-only: %s %s never reaches the gateway',
    async (method, target) => {
      received = [];
      const response = await send(portOf(apps.readOnly), method, target, { body: 'm 1\n' });
      expect([400, 403, 405]).toContain(response.status);
      // The server's own reads of the gateway (a change through the open app a test before is
      // read back up to two seconds later, coalesced) are not the request's.
      expect(received.filter((r) => !(r.method === 'GET' && r.url?.endsWith('/api/v1/metrics')))).toEqual([]);
    },
  );
});

describe('what the proxy passes on', () => {
  it('only the headers the gateway needs, and the body as sent', async () => {
    received = [];
    const response = await send(portOf(apps.open), 'PUT', '/metrics/job/x', {
      body: 'm 1\n',
      headers: {
        'Content-Type': 'text/plain; version=0.0.4',
        Upgrade: 'websocket',
        'Proxy-Authorization': 'Basic eDp5',
        Authorization: 'Basic eDp5',
        Cookie: 'session=1',
        TE: 'trailers',
        'X-Forwarded-For': '1.2.3.4',
        'X-Forwarded-Host': 'evil.example',
        'X-HTTP-Method-Override': 'GET',
      },
    });
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    const { headers, body, method } = received[0];
    expect(method).toBe('PUT');
    expect(body).toBe('m 1\n');
    expect(Object.keys(headers).sort()).toEqual(['content-length', 'content-type', 'host']);
  });

  it('no CORS, cookies or auth challenges back to the browser', async () => {
    const response = await send(portOf(apps.open), 'GET', '/api/v1/metrics');
    expect(response.status).toBe(200);
    expect(Object.keys(response.headers).filter((h) => /^access-control|^set-cookie/.test(h))).toEqual([]);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('a body over the cap is answered 413 and nothing reaches the gateway', async () => {
    received = [];
    const big = 'm 1\n'.repeat(300);
    const response = await send(portOf(apps.open), 'PUT', '/metrics/job/x', { body: big });
    expect(response.status).toBe(413);
    expect(response.body).toContain('larger than this server accepts (1024 bytes; see --max-body-size)');
    expect(received).toEqual([]);
  });

  it('a read with a body is refused, not forwarded unframed', async () => {
    received = [];
    const response = await send(portOf(apps.open), 'GET', '/api/v1/metrics', { body: 'GET /-/quit HTTP/1.1\r\n\r\n' });
    expect(response.status).toBe(400);
    expect(received).toEqual([]);
  });
});

describe('Refresh now (POST /-/pushboard/refresh)', () => {
  it('is the one POST a read-only server accepts: one read of the metrics, nothing else', async () => {
    // The server reads the gateway once as it starts (the push history, with nobody watching): a
    // first refresh answered means that read is over too, so the next one is counted alone.
    expect((await send(portOf(apps.readOnly), 'POST', '/-/pushboard/refresh')).status).toBe(204);
    received = [];
    countOwnReads = 'readOnly';
    const response = await send(portOf(apps.readOnly), 'POST', '/-/pushboard/refresh');
    countOwnReads = '';
    expect(response.status).toBe(204);
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /pgw/api/v1/metrics']);
  });

  it('is refused cross-site, and to every method but POST', async () => {
    received = [];
    /** @type {Array<Record<string, string>>} */
    const variants: Array<Record<string, string>> = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'http://evil.example' },
    ];
    for (const headers of variants) {
      const response = await send(portOf(apps.readOnly), 'POST', '/-/pushboard/refresh', { headers });
      expect(response.status).toBe(403);
    }
    const get = await send(portOf(apps.open), 'GET', '/-/pushboard/refresh');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    // Read-only exempts only this path: the same POST elsewhere is still refused.
    expect((await send(portOf(apps.readOnly), 'POST', '/-/pushboard/refresh/x')).status).toBe(403);
    expect((await send(portOf(apps.readOnly), 'PUT', '/-/pushboard/refresh')).status).toBe(403);
    expect(received).toEqual([]);
  });
});
