/**
 * The server holds up under load and carelessness (issue 26), each promise checked with raw
 * requests as a stalled or hostile client would send them, against a real gateway.
 */
import { createServer, type Socket } from 'node:net';
import { push } from '../scripts/push.js';
import { carriedJson, freePort, runCli, TestApp } from './harness';
import { send } from './raw-http';
import { followStream, stalledStream } from './stream-reader';
import { expect, test } from './fixtures';

const metric = async (app: TestApp, name: string) => {
  const text = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
};
const portOf = (app: TestApp) => Number(new URL(app.url).port);

test.describe('streams with a memory budget', () => {
  // Heartbeats every 3 s: the stalled streams are counted before two of them find them stalled.
  test.use({ appOptions: { maxStreams: 6, maxStreamsPerClient: 4, streamHeartbeatMs: 3000 } });
  test('caps streams per address and in all with 429, and drops viewers that stop reading', async ({
    app,
    pushGroup,
  }) => {
    test.setTimeout(120_000);
    // 12 MB of HELP: more than a loopback connection's kernel buffers hold for a viewer that never reads.
    for (const i of [1, 2, 3]) {
      await pushGroup({ job: 'big', instance: `b${i}` }, `# HELP m ${'h'.repeat(4_000_000)}\nm ${i}\n`);
    }
    const live = followStream(new URL('-/pushboard/events', app.url));
    const port = portOf(app);
    const stalled = [];
    try {
      // The first viewer makes the server poll: the groups come as a diff.
      await expect.poll(() => live.events.map((e) => e.event), { timeout: 60_000 }).toContain('diff');
      for (let i = 0; i < 3; i++) stalled.push(await stalledStream(port, { gzip: false }));
      expect(stalled.map((s) => s.status)).toEqual([200, 200, 200]);

      const overClient = await send(port, 'GET', '/-/pushboard/events');
      expect(overClient.status).toBe(429);
      expect(Number(overClient.headers['retry-after'])).toBeGreaterThan(0);
      expect(overClient.body).toContain('--max-streams-per-client');

      for (const localAddress of ['127.0.0.2', '127.0.0.2']) {
        stalled.push(await stalledStream(port, { localAddress, gzip: false }));
      }
      const overAll = await stalledStream(port, { localAddress: '127.0.0.3' });
      expect(overAll.status).toBe(429);
      expect(overAll.head).toMatch(/^Retry-After: \d+$/im);
      overAll.socket.destroy();
      expect((await send(port, 'GET', '/-/pushboard/healthy')).status).toBe(200);
      expect(await metric(app, 'pushboard_streams_refused_total')).toBe(2);

      // Nobody reads the five: once their kernel buffers are full, the heartbeats find them
      // taking nothing, and the server lets them go. The live viewer stays.
      await expect.poll(() => metric(app, 'pushboard_viewers'), { timeout: 30_000 }).toBe(1);
      await push(app.url, { job: 'after', instance: 'a1' }, 'm 1\n');
      await expect
        .poll(() => live.events.some((e) => e.event === 'diff' && e.data.includes('"instance":"a1"')))
        .toBe(true);
      // Their places are free again.
      const again = await stalledStream(port, { localAddress: '127.0.0.3' });
      expect(again.status).toBe(200);
      again.socket.destroy();
    } finally {
      for (const s of stalled) s.socket.destroy();
      await live.close();
    }
  });
});

test('the page and the first event are bounded in bytes, whatever one group’s HELP holds', async ({
  app,
  pushGroup,
}) => {
  const help = 'x'.repeat(400_000);
  for (const i of [1, 2, 3]) await pushGroup({ job: 'helpful', instance: `h${i}` }, `# HELP m ${help}\nm ${i}\n`);
  const first = followStream(new URL('-/pushboard/events', app.url));
  await expect.poll(() => first.events.map((e) => e.event), { timeout: 30_000 }).toContain('diff');
  const live = followStream(new URL('-/pushboard/events', app.url));
  try {
    await expect.poll(() => live.events.map((e) => e.event), { timeout: 30_000 }).toContain('rest');
    const raw = await send(portOf(app), 'GET', '/');
    // Sent as UTF-8, read by raw-http.ts as Latin-1.
    const page = { ...raw, body: Buffer.from(raw.body, 'latin1').toString('utf8') };
    expect(page.status).toBe(200);
    expect(page.body.length).toBeLessThan(300_000);
    const carried = JSON.parse(carriedJson(page.body, 'pushboard-first')!) as {
      total: number;
      groups: Array<{ families: Array<{ help: string }> }>;
    };
    expect(carried.total).toBe(3);
    expect(carried.groups.length).toBeGreaterThan(0);
    for (const g of carried.groups) expect(g.families[0]!.help).toMatch(/^x{1024}…$/);
    // The stream's first event is bounded too; the rest brings every HELP whole.
    const [snapshot, rest] = live.events;
    expect(snapshot!.data.length).toBeLessThan(300_000);
    expect(
      (JSON.parse(rest!.data) as { groups: Array<{ families: Array<{ help: string }> }> }).groups[0]!.families[0]!.help,
    ).toBe(help);
    // Ten at once, as a reload by many people: each the same bounded page (the status in it
    // may have moved on with a poll meanwhile).
    const pages = await Promise.all(Array.from({ length: 10 }, () => send(portOf(app), 'GET', '/')));
    for (const again of pages) {
      const body = Buffer.from(again.body, 'latin1').toString('utf8');
      expect(body.length).toBeLessThan(300_000);
      expect((JSON.parse(carriedJson(body, 'pushboard-first')!) as typeof carried).groups).toEqual(carried.groups);
    }
  } finally {
    await live.close();
    await first.close();
  }
});

test.describe('with a slow server poll', () => {
  test.use({ appOptions: { serverPollIntervalMs: 60_000 } });
  test('pushes through the dashboard cost the gateway about one read a second, and still show', async ({
    app,
    gateway,
  }) => {
    test.setTimeout(60_000);
    const live = followStream(new URL('-/pushboard/events', app.url));
    try {
      await expect.poll(() => live.events.map((e) => e.event)).toContain('status');
      const before = await gateway.metricsReads();
      const started = Date.now();
      let next = 0;
      const worker = async () => {
        while (next < 60) {
          const i = next++;
          expect((await push(app.url, { job: 'burst', instance: `i${i}` }, 'm 1\n')).status).toBe(200);
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      await expect
        .poll(() => live.events.some((e) => e.event === 'diff' && e.data.includes('"instance":"i59"')))
        .toBe(true);
      // The settling read after the last push.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const seconds = (Date.now() - started) / 1000;
      const reads = (await gateway.metricsReads()) - before;
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    } finally {
      await live.close();
    }
  });
});

test('a gateway that accepts and never answers shows as not answering, and the others keep updating', async ({
  gateway,
  page,
}) => {
  test.setTimeout(60_000);
  const held: Socket[] = [];
  const hung = createServer((socket) => void held.push(socket));
  const hungPort = await freePort();
  await new Promise<void>((resolve) => hung.listen(hungPort, '127.0.0.1', resolve));
  const app = await TestApp.start(gateway.url, {
    gateways: [
      { name: 'live', url: new URL(gateway.url) },
      { name: 'hung', url: new URL(`http://127.0.0.1:${hungPort}/`) },
    ],
    serverPollIntervalMs: 1000,
  });
  const live = followStream(new URL('-/pushboard/events', app.url));
  try {
    const hungStatus = () =>
      live.events
        .filter((e) => e.event === 'status' || e.event === 'snapshot')
        .map((e) => JSON.parse(e.data) as { gateways?: Array<{ name: string; error: { message: string } | null }> })
        .flatMap((s) => (s as { status?: typeof s }).status ?? s)
        .flatMap((s) => s.gateways ?? [])
        .filter((g) => g.name === 'hung')
        .map((g) => g.error?.message ?? '');
    // Well before the request's own 30 s timeout.
    await expect
      .poll(() => hungStatus().at(-1) ?? '', { timeout: 10_000 })
      .toMatch(/^The Pushgateway is not answering for \d+ s\.$/);
    // And in a tab, named.
    await page.goto(app.url);
    await expect(page.getByRole('alert').filter({ hasText: 'hung' })).toContainText(/not answering for \d+ s/);
    await push(gateway.url, { job: 'fresh', instance: 'f1' }, 'm 1\n');
    await expect
      .poll(() => live.events.some((e) => e.event === 'diff' && e.data.includes('"instance":"f1"')), { timeout: 5000 })
      .toBe(true);
  } finally {
    await live.close();
    await app.stop();
    for (const s of held) s.destroy();
    await new Promise((resolve) => hung.close(resolve));
  }
});

test('the data endpoints refuse another site’s scripts, and let links through', async ({ app }) => {
  const port = portOf(app);
  const paths = [
    '/config.json',
    '/api/v1/metrics',
    '/-/pushboard/rules',
    '/-/pushboard/cadence',
    '/-/pushboard/prometheus',
    '/-/pushboard/events',
  ];
  for (const path of paths) {
    for (const site of ['cross-site', 'same-site']) {
      const refused = await send(port, 'GET', path, {
        headers: { 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'no-cors' },
      });
      expect(refused.status, `${path} from ${site}`).toBe(403);
    }
    if (path.endsWith('events')) continue;
    const own = await send(port, 'GET', path, {
      headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' },
    });
    expect(own.status, path).toBe(200);
  }
  const link = await send(port, 'GET', '/', {
    headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
  });
  expect(link.status).toBe(200);
});

test('a server whose output was closed keeps serving and deleting: a lost log line is not a crash', async ({
  gateway,
  pushGroup,
}) => {
  for (const job of ['kept', 'gone', 'later']) await pushGroup({ job }, 'm 1\n');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const cli = runCli(['--gateway', gateway.url, '--listen', `127.0.0.1:${port}`]);
  try {
    await expect.poll(cli.output, { timeout: 10_000 }).toContain('Pushboard on http://127.0.0.1:');
    // The reader of its output goes away (a restarted journald, `pushboard | head`): every log
    // line from now on fails to write with EPIPE. A delete through the server logs a line.
    cli.closeOutput();
    const remove = (job: string) =>
      fetch(`${origin}/metrics/job/${job}`, { method: 'DELETE', headers: { Origin: origin } });
    expect((await remove('gone')).status).toBe(202);
    cli.signal('SIGHUP'); // logs that it has no config file to re-read
    await expect.poll(async () => (await gateway.groups()).map((g) => g.labels.job).sort()).toEqual(['kept', 'later']);
    expect(cli.exitCode()).toBeNull();
    expect((await remove('later')).status).toBe(202);
    await expect.poll(async () => (await gateway.groups()).map((g) => g.labels.job)).toEqual(['kept']);
    expect(await (await fetch(`${origin}/-/pushboard/healthy`)).text()).toContain('OK');
    expect(cli.exitCode()).toBeNull();
  } finally {
    cli.stop();
  }
});
