import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { carriedJson, freePort, runCli, runCliToEnd } from './harness';
import { article, expect, openMenu, push, test } from './fixtures';
import { builtCli } from '../scripts/built-server.js';

test('security headers: a strict CSP, nosniff, no referrer', async ({ app }) => {
  const response = await fetch(app.url);
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
});

test.describe('embedding in frames', () => {
  test.use({ appOptions: { frameAncestors: "'self' https://grafana.example.com" } });
  test('frame-ancestors is configurable', async ({ app }) => {
    const csp = (await fetch(app.url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self' https://grafana.example.com");
  });
});

test('cross-site changes are refused; same-site ones pass and are logged', async ({ gateway, pushGroup }) => {
  const { TestApp } = await import('./harness');
  const lines: string[] = [];
  const app = await TestApp.start(gateway.url, { log: (line) => lines.push(line) });
  try {
    await pushGroup({ job: 'target' }, 'm 1\n');
    const url = new URL('metrics/job/target', app.url);
    expect((await fetch(url, { method: 'DELETE', headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await fetch(url, { method: 'DELETE', headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect(await gateway.groups()).toHaveLength(1);
    expect(lines).toContain('DELETE /metrics/job/target -> 403 (cross-site)');

    const sameOrigin = new URL(app.url).origin;
    expect((await fetch(url, { method: 'DELETE', headers: { Origin: sameOrigin } })).status).toBe(202);
    await expect.poll(async () => (await gateway.groups()).length).toBe(0);
    expect(lines).toContain('DELETE /metrics/job/target -> 202');
  } finally {
    await app.stop();
  }
});

test.describe('under a route prefix', () => {
  test.use({ appOptions: { routePrefix: '/tools/pushboard' } });
  test('serves the app, its API and its deletes under the prefix', async ({
    page,
    app,
    gateway,
    gatewayBuild,
    pushGroup,
  }) => {
    expect(app.url).toMatch(/\/tools\/pushboard\/$/);
    const bare = await fetch(app.url.replace(/\/$/, ''), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/tools/pushboard/');
    expect((await fetch(new URL('/', app.url))).status).toBe(404);

    await pushGroup({ job: 'a', instance: 'x' }, 'm 1\n');
    await pushGroup({ job: 'a' }, 'm 1\n');
    await page.goto(app.url);
    await article(page, '{job="a", instance="x"}').getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await gateway.groups()).map((g) => g.labels)).toEqual([{ job: 'a' }]);
    await page.getByRole('link', { name: 'Status' }).click();
    await expect(page.getByRole('region', { name: 'Build' })).toContainText(gatewayBuild.version);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Gateway status' })).toBeVisible();
  });
});

test.describe('a gateway with --web.route-prefix=/pgw', () => {
  test.use({ gatewayOptions: { routePrefix: '/pgw' } });
  test('is browsed and changed through the server', async ({ page, app, gateway, pushGroup }) => {
    expect(gateway.url).toMatch(/\/pgw\/$/);
    await pushGroup({ job: 'prefixed', instance: 'p' }, 'm 1\n');
    await page.goto(app.url);
    const card = article(page, '{job="prefixed", instance="p"}');
    await card.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await gateway.groups()).length).toBe(0);
    await page.goto(`${app.url}#/status`);
    await expect(page.getByRole('table', { name: 'Command-line flags of the gateway' })).toContainText('/pgw');
  });
});

test.describe('defaults from the server flags', () => {
  test.use({ appOptions: { staleThreshold: '5m', pollIntervalMs: 10_000 } });
  test('reach the app through the configuration its page carries, the same as config.json', async ({
    page,
    app,
    pushGroup,
  }) => {
    await pushGroup({ job: 'a' }, 'm 1\n');
    const html = await (await fetch(app.url)).text();
    const carried = carriedJson(html, 'pushboard-config');
    expect(JSON.parse(carried!)).toEqual(await (await fetch(new URL('config.json', app.url))).json());
    expect(JSON.parse(carried!)).toMatchObject({ staleThreshold: '5m', pollIntervalMs: 10_000 });
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.addInitScript(() => localStorage.removeItem('pushboard.pollIntervalMs'));
    await page.goto(app.url);
    await openMenu(page, 'Options');
    await expect(page.getByRole('combobox', { name: 'Stale after' })).toHaveValue('5m');
    // Following the server's stream, the interval that counts is the server's own.
    await expect(page.getByText('Server polls every 10 s')).toBeVisible();
    expect(asked).not.toContain('/config.json');
  });
});

test.describe('a gateway behind TLS and basic auth', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-tls-'));
  const file = (name: string) => path.join(dir, name);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      file('key.pem'),
      '-out',
      file('cert.pem'),
    ]),
    { stdio: 'ignore' },
  );
  writeFileSync(
    file('web.yml'),
    `tls_server_config:\n  cert_file: ${file('cert.pem')}\n  key_file: ${file('key.pem')}\nbasic_auth_users:\n  ops: ${bcrypt.hashSync('s3cret', 10)}\n`,
  );
  writeFileSync(file('auth'), 'ops:s3cret\n');
  test.use({
    gatewayOptions: { webConfig: { file: file('web.yml'), tls: true } },
    appOptions: { credentials: { basicAuthFile: file('auth'), caFile: file('cert.pem') } },
  });

  test('is reached with the server’s credentials, which the browser never sees @both-gateways', async ({
    page,
    app,
    gateway,
  }) => {
    // Without credentials the gateway refuses; through Pushboard the push and the page work.
    expect(gateway.url).toMatch(/^https:/);
    const ca = readFileSync(file('cert.pem'));
    const status = await new Promise<number>((resolve, reject) =>
      https.get(new URL('api/v1/metrics', gateway.url), { ca }, (r) => resolve(r.statusCode ?? 0)).on('error', reject),
    );
    expect(status).toBe(401);
    const pushed = await push(app.url, { job: 'secure', instance: 's' }, 'm 1\n');
    expect(pushed.status).toBe(200);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(JSON.stringify(r.headers())));
    await page.goto(app.url);
    await expect(article(page, '{job="secure", instance="s"}')).toBeVisible();
    expect(requests.join('\n')).not.toMatch(/authorization|s3cret/i);
  });
});

test('the command line: clear one-line errors, and a warning for an unreachable gateway', async () => {
  const malformed = runCliToEnd(['--gateway', 'ftp://x']);
  expect(malformed.code).not.toBe(0);
  expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
  expect(malformed.stderr).toContain('must start with http:// or https://');

  const orphan = runCliToEnd(['--gateway', 'http://127.0.0.1:1/', '--prometheus-job', 'pgw', '--cadence-window', '3d']);
  expect(orphan.code).toBe(1);
  expect(orphan.stderr).toBe('pushboard: --cadence-window, --prometheus-job need --prometheus\n');
  const factor = runCliToEnd([
    '--gateway',
    'http://127.0.0.1:1/',
    '--prometheus',
    'http://127.0.0.1:1/',
    '--overdue-factor',
    '1',
  ]);
  expect(factor.code).not.toBe(0);
  expect(factor.stderr).toContain('"1" is not a factor above 1, like 2');

  const taken = await freePort();
  const blocker = (await import('node:net')).createServer();
  await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
  try {
    const busy = runCliToEnd(['--gateway', 'http://127.0.0.1:1/', '--listen', `127.0.0.1:${taken}`]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`pushboard: cannot listen on 127.0.0.1:${taken}: the port is taken`);
  } finally {
    blocker.close();
  }

  const port = await freePort();
  const cli = runCli(['--gateway', 'http://127.0.0.1:1/', '--listen', `127.0.0.1:${port}`]);
  try {
    await expect.poll(cli.output, { timeout: 10_000 }).toContain('Pushboard on http://127.0.0.1:');
    expect(cli.output()).toContain('warning: no Pushgateway answers at http://127.0.0.1:1/');
    expect(await (await fetch(`http://127.0.0.1:${port}/-/pushboard/healthy`)).text()).toBe('OK\n');
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/metrics`)).status).toBe(502);
  } finally {
    cli.stop();
  }
});

test('pushboard --version: the package’s version and the commit it was built from', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const out = execFileSync(process.execPath, [builtCli(), '--version'], { encoding: 'utf8', timeout: 10_000 });
  const [, printed, commit] = /^pushboard (\S+) \(commit (\S+)\)\n$/.exec(out) ?? [];
  expect(printed).toBe(version);
  // The commit the build was made from: one of this checkout's (it may be older than HEAD).
  expect(commit).toMatch(/^[0-9a-f]{7,}$/);
  expect(() => execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' })).not.toThrow();
});

test('the compiled server beside the app in dist/ is none of the app’s files', async ({ app }) => {
  expect(existsSync(path.join('dist', 'server', 'cli.js'))).toBe(true);
  for (const file of ['server/cli.js', 'server/poll-thread.js', 'server/../server/cli.js', 'server%2Fcli.js']) {
    expect((await fetch(new URL(file, app.url))).status, file).not.toBe(200);
  }
  expect((await fetch(new URL('favicon.svg', app.url))).status).toBe(200);
});
