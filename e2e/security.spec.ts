/**
 * The server's promises, probed as an attacker would: raw bytes over a socket against a real
 * gateway, asserting what the gateway holds afterwards. Read-only, cross-site, allowed hosts, CORS,
 * body size, security headers on every answer, and credentials that never leak.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { freePort, runCli } from './harness';
import { expect, test } from './fixtures';
import { FORBIDDEN_VARIANTS, GROUP_VARIANTS, WIPE_VARIANTS } from './path-variants';
import { rawRequest, send } from './raw-http';
import { builtCli } from '../scripts/built-server.js';

const portOf = (url: string) => Number(new URL(url).port);
const keys = async (gateway: { groups: () => Promise<Array<{ labels: Record<string, string> }>> }) =>
  (await gateway.groups()).map((g) => JSON.stringify(g.labels)).sort();

/** The variant under a route prefix: `/pb/api\v1/…`, `http://host/pb/…`. */
function prefixed(variant: string, prefix: string): string {
  if (variant === '*') return variant;
  const absolute = /^(https?:\/\/[^/]+)(.*)$/i.exec(variant);
  return absolute ? `${absolute[1]}${prefix}${absolute[2]}` : `${prefix}${variant}`;
}

/** Every change an attacker would try: wipes, deletes and pushes through each path variant. */
const CHANGES = [
  ...WIPE_VARIANTS.map((target) => ({ method: 'PUT', target, body: '' })),
  ...GROUP_VARIANTS.flatMap((target) =>
    ['DELETE', 'PUT', 'POST'].map((method) => ({ method, target, body: method === 'DELETE' ? '' : 'm 2\n' })),
  ),
];

async function expectNoChangeGetsThrough(
  port: number,
  gateway: Parameters<typeof keys>[0],
  { prefix = '', headers = {} }: { prefix?: string; headers?: Record<string, string> } = {},
) {
  const before = await keys(gateway);
  expect(before).toHaveLength(2);
  const answers: string[] = [];
  for (const { method, target, body } of CHANGES) {
    const response = await send(port, method, prefixed(target, prefix), { body, headers });
    if (response.status < 400 || response.status >= 500) answers.push(`${method} ${target} -> ${response.status}`);
  }
  expect(answers, 'changes the server let through').toEqual([]);
  // The gateway answers DELETE and wipe with 202 before applying them: give it time to show any.
  await new Promise((r) => setTimeout(r, 500));
  expect(await keys(gateway)).toEqual(before);
  expect((await gateway.groups()).every((g) => JSON.stringify(g).includes('"value":"1"'))).toBe(true);
}

test.describe('a read-only server', () => {
  test.use({ appOptions: { readOnly: true } });
  test('lets no change through, whatever the path looks like', async ({ app, gateway, pushGroup }) => {
    await pushGroup({ job: 'x' }, 'm 1\n');
    await pushGroup({ job: 'other', instance: 'i' }, 'm 1\n');
    await expectNoChangeGetsThrough(portOf(app.url), gateway);
    // The backslash of the original report in particular: 400, not 202.
    expect((await send(portOf(app.url), 'PUT', '/api\\v1/admin/wipe')).status).toBe(400);
  });
});

test.describe('a read-only server under a route prefix', () => {
  test.use({ appOptions: { readOnly: true, routePrefix: '/pb' } });
  test('lets no change through either', async ({ app, gateway, pushGroup }) => {
    await pushGroup({ job: 'x' }, 'm 1\n');
    await pushGroup({ job: 'other', instance: 'i' }, 'm 1\n');
    await expectNoChangeGetsThrough(portOf(app.url), gateway, { prefix: '/pb' });
  });
});

test('a read-write server refuses cross-site changes by Sec-Fetch-Site and by Origin', async ({
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'x' }, 'm 1\n');
  await pushGroup({ job: 'other', instance: 'i' }, 'm 1\n');
  const port = portOf(app.url);
  await expectNoChangeGetsThrough(port, gateway, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
  await expectNoChangeGetsThrough(port, gateway, { headers: { Origin: 'http://evil.example' } });
  // With X-Forwarded-Host naming the attacker's site, and no --trust-proxy: still cross-site.
  await expectNoChangeGetsThrough(port, gateway, {
    headers: { Origin: 'http://evil.example', 'X-Forwarded-Host': 'evil.example' },
  });
  // The same delete from the same origin goes through: the refusals above are not blanket ones.
  const sameOrigin = await send(port, 'DELETE', '/metrics/job/x', {
    headers: { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' },
  });
  expect(sameOrigin.status).toBe(202);
  await expect.poll(() => keys(gateway)).toEqual(['{"instance":"i","job":"other"}']);
});

test('DNS rebinding: a name other than the loopback ones gets 403 and changes nothing', async ({
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'x' }, 'm 1\n');
  const port = portOf(app.url);
  const rebound = { host: `evil.example:${port}`, headers: { 'Sec-Fetch-Site': 'same-origin' } };
  for (const [method, target] of [
    ['DELETE', '/metrics/job/x'],
    ['PUT', '/api/v1/admin/wipe'],
    ['GET', '/api/v1/metrics'],
    ['GET', '/'],
  ]) {
    const response = await send(port, method, target, rebound);
    expect(response.status, `${method} ${target}`).toBe(403);
    expect(response.body).toContain('Host "evil.example:');
    expect(response.body).not.toContain('"job"');
  }
  for (const host of ['localhost', `[::1]:${port}`, `127.0.0.1:${port}`]) {
    expect((await send(port, 'GET', '/api/v1/metrics', { host })).status, host).toBe(200);
  }
  expect((await send(port, 'GET', '/api/v1/metrics', { host: '' })).status).toBe(403);
  await new Promise((r) => setTimeout(r, 300));
  expect(await keys(gateway)).toEqual(['{"job":"x"}']);
});

test.describe('behind a trusted reverse proxy', () => {
  test.use({ appOptions: { trustProxy: true, allowedHosts: ['pushboard.example.com'] } });
  test('X-Forwarded-Host is checked against the allowed hosts, and names this server for Origin', async ({
    app,
    gateway,
    pushGroup,
  }) => {
    await pushGroup({ job: 'x' }, 'm 1\n');
    const port = portOf(app.url);
    const evil = await send(port, 'DELETE', '/metrics/job/x', {
      headers: { 'X-Forwarded-Host': 'evil.example', Origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.body).toContain('Host "evil.example" is not allowed');
    await new Promise((r) => setTimeout(r, 300));
    expect(await keys(gateway)).toEqual(['{"job":"x"}']);
    const proxied = await send(port, 'DELETE', '/metrics/job/x', {
      headers: { 'X-Forwarded-Host': 'pushboard.example.com', Origin: 'http://pushboard.example.com' },
    });
    expect(proxied.status).toBe(202);
    await expect.poll(() => keys(gateway)).toEqual([]);
  });
});

test('paths of the gateway outside the app’s are never reached', async ({ app, gateway }) => {
  const port = portOf(app.url);
  for (const target of FORBIDDEN_VARIANTS) {
    for (const method of ['GET', 'PUT', 'POST']) {
      const response = await send(port, method, target, { body: method === 'GET' ? '' : '' });
      expect([400, 404], `${method} ${target}`).toContain(response.status);
      expect(response.headers.location, `${method} ${target} redirects`).toBeUndefined();
    }
  }
  // /-/quit would have stopped the gateway: it still answers.
  expect((await fetch(new URL('-/healthy', gateway.url))).status).toBe(200);
});

test('no CORS: the dashboard answers no preflight and passes on no Access-Control header', async ({ app }) => {
  const port = portOf(app.url);
  const read = await send(port, 'GET', '/api/v1/metrics', { headers: { Origin: 'http://evil.example' } });
  expect(read.status).toBe(200);
  expect(Object.keys(read.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  for (const target of ['/api/v1/metrics', '/metrics/job/x', '/api/v1/admin/wipe']) {
    const preflight = await send(port, 'OPTIONS', target, {
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'DELETE' },
    });
    expect(preflight.status, target).toBe(405);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  }
});

test('a page on another origin cannot read the gateway through the dashboard', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'secret-job' }, 'm 1\n');
  const evil = createServer((_req, res) => res.end('<!doctype html><title>evil</title>'));
  const evilPort = await freePort();
  await new Promise<void>((resolve) => evil.listen(evilPort, '127.0.0.1', resolve));
  try {
    // localhost and 127.0.0.1 are different origins.
    await page.goto(`http://localhost:${evilPort}/`);
    const read = (url: string) =>
      page.evaluate(async (u) => {
        try {
          const text = await (await fetch(u)).text();
          return text.includes('secret-job') ? 'read' : 'no data';
        } catch {
          return 'blocked';
        }
      }, url);
    // The gateway itself allows any origin: the check below can tell "read" from "blocked".
    expect(await read(new URL('api/v1/metrics', gateway.url).href)).toBe('read');
    expect(await read(new URL('api/v1/metrics', app.url).href)).toBe('blocked');
    expect(await read(new URL('api/v1/status', app.url).href)).toBe('blocked');
  } finally {
    evil.close();
  }
});

test.describe('the body of a change', () => {
  test.use({ appOptions: { maxBodyBytes: 64 * 1024 } });
  test('over the cap is answered 413 and never reaches the gateway', async ({ app, gateway }) => {
    const port = portOf(app.url);
    const big = `# TYPE m gauge\n${Array.from({ length: 10_000 }, (_, i) => `m{l="${i}"} 1\n`).join('')}`;
    const response = await send(port, 'PUT', '/metrics/job/big', { body: big });
    expect(response.status).toBe(413);
    expect(response.body).toContain('larger than this server accepts (65536 bytes; see --max-body-size)');
    // Chunked, with no length announced: counted as it arrives.
    const chunk = big.slice(0, 40_000);
    const chunked = await rawRequest(
      port,
      `PUT /metrics/job/big HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nTransfer-Encoding: chunked`,
      [chunk, chunk].map((c) => `${c.length.toString(16)}\r\n${c}\r\n`).join('') + '0\r\n\r\n',
    );
    expect(chunked.status).toBe(413);
    // A 100 MiB announcement is refused before a byte of it is read.
    const huge = await rawRequest(
      port,
      `PUT /metrics/job/big HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nContent-Length: ${100 * 1024 * 1024}`,
    );
    expect(huge.status).toBe(413);
    // Under the cap, the same push goes through.
    const small = await send(port, 'PUT', '/metrics/job/small', {
      body: big.slice(0, 60_000).replace(/\n[^\n]*$/, '\n'),
    });
    expect(small.status).toBe(200);
    expect(await keys(gateway)).toEqual(['{"job":"small"}']);
  });
});

test('every answer carries the security headers, including Node’s and Express’s own', async ({ app }) => {
  const port = portOf(app.url);
  const answers = {
    'not found': await send(port, 'GET', '/nope'),
    'refused path': await send(port, 'GET', '/a/../b'),
    'refused method': await send(port, 'PATCH', '/api/v1/metrics'),
    'refused host': await send(port, 'GET', '/', { host: 'evil.example' }),
    'directory without slash': await send(port, 'GET', '/assets'),
    'malformed request': await rawRequest(port, 'GARBAGE\r\nHost: x'),
    'headers too large': await rawRequest(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}`),
  };
  const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]));
  expect(statuses).toEqual({
    'not found': 404,
    'refused path': 400,
    'refused method': 405,
    'refused host': 403,
    'directory without slash': 404,
    'malformed request': 400,
    'headers too large': 431,
  });
  for (const [what, response] of Object.entries(answers)) {
    expect(response.headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy'], what).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  }
});

test.describe('the route prefix redirect', () => {
  test.use({ appOptions: { routePrefix: '/pb', frameAncestors: "'self' https://grafana.example.com" } });
  test('carries the app’s CSP with its frame-ancestors', async ({ app }) => {
    const response = await send(portOf(app.url), 'GET', '/pb');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/pb/');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self' https://grafana.example.com");
  });
});

test('an upgrade is not proxied', async ({ app }) => {
  const response = await send(portOf(app.url), 'GET', '/api/v1/metrics', {
    headers: {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    },
  });
  expect(response.status).toBe(200);
  expect(response.headers.upgrade).toBeUndefined();
});

test.describe('a gateway behind basic auth', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-auth-'));
  writeFileSync(path.join(dir, 'web.yml'), `basic_auth_users:\n  ops: ${bcrypt.hashSync('s3cret', 10)}\n`);
  writeFileSync(path.join(dir, 'auth'), 'ops:s3cret\n');
  const secrets = /s3cret|ops:|b3BzOnMzY3JldA/;
  test.use({ gatewayOptions: { webConfig: { file: path.join(dir, 'web.yml'), tls: false } } });

  test('is not wiped by an anonymous request through a read-only dashboard @both-gateways', async ({ gateway }) => {
    const { TestApp } = await import('./harness');
    const app = await TestApp.start(gateway.url, {
      readOnly: true,
      credentials: { basicAuthFile: path.join(dir, 'auth') },
    });
    try {
      const port = portOf(app.url);
      expect((await send(port, 'PUT', '/metrics/job/x', { body: 'm 1\n' })).status).toBe(403);
      const authed = { Authorization: `Basic ${Buffer.from('ops:s3cret').toString('base64')}` };
      const put = await fetch(new URL('metrics/job/kept', gateway.url), {
        method: 'PUT',
        body: 'm 1\n',
        headers: authed,
      });
      expect(put.status).toBe(200);
      for (const target of WIPE_VARIANTS) await send(port, 'PUT', target);
      await new Promise((r) => setTimeout(r, 500));
      const left = await fetch(new URL('api/v1/metrics', gateway.url), { headers: authed });
      expect(((await left.json()) as { data: unknown[] }).data).toHaveLength(1);
    } finally {
      await app.stop();
    }
  });

  test('the server probes it with the credential file and never shows the credential', async ({ gateway }) => {
    const port = await freePort();
    const cli = runCli([
      '--gateway',
      gateway.url,
      '--gateway-basic-auth-file',
      path.join(dir, 'auth'),
      '--listen',
      `127.0.0.1:${port}`,
    ]);
    try {
      await expect.poll(cli.output, { timeout: 10_000 }).toContain('Pushboard on http://127.0.0.1:');
      expect(cli.output()).not.toContain('warning');
      const bodies = await Promise.all(
        ['config.json', 'api/v1/metrics', 'api/v1/status'].map(async (p) => {
          const r = await fetch(`http://127.0.0.1:${port}/${p}`);
          expect(r.status, p).toBe(200);
          return `${JSON.stringify([...r.headers])}${await r.text()}`;
        }),
      );
      await fetch(`http://127.0.0.1:${port}/metrics/job/logged`, { method: 'DELETE' });
      await expect.poll(cli.output).toContain('DELETE /metrics/job/logged -> 202');
      expect(bodies.join('\n')).not.toMatch(secrets);
      expect(cli.output()).not.toMatch(secrets);
    } finally {
      cli.stop();
    }
  });
});

test('a gateway URL holding credentials is refused at start-up, without repeating them', async () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [builtCli(), ...args], {
        env: { ...process.env, ...env },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => resolve({ code, output }));
    });
  for (const result of [
    await run(['--gateway', 'http://alice:s3cret@127.0.0.1:1/']),
    await run([], { PUSHGATEWAY_URL: 'http://alice:s3cret@127.0.0.1:1/' }),
  ]) {
    expect(result.code).toBe(1);
    expect(result.output).toContain('must not hold credentials');
    expect(result.output).toContain('--gateway-basic-auth-file');
    expect(result.output).not.toMatch(/alice|s3cret/);
  }
  const frame = await run(['--gateway', 'http://127.0.0.1:1/', '--frame-ancestors', "'self'; script-src *"]);
  expect(frame.code).not.toBe(0);
  expect(frame.output).toContain('is not a CSP source');
});
