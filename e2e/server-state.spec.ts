/**
 * The server holds the gateway's state: one poll for every viewer, changes streamed to every tab.
 */
import { carriedJson, TestApp } from './harness';
import { readUntilSnapshot } from './raw-http';
import { TestPrometheus } from './prometheus';
import { article, deleteGroup, expect, test } from './fixtures';

test.describe('with a slow server poll', () => {
  // A minute between polls: only the poll right after a change can show it in time.
  test.use({ appOptions: { serverPollIntervalMs: 60_000 } });
  test('a delete in one tab disappears from another without a reload', async ({ browser, app, pushGroup }) => {
    await pushGroup({ job: 'shared', instance: 'a' }, 'm 1\n');
    await pushGroup({ job: 'shared', instance: 'b' }, 'm 1\n');
    const [one, two] = await Promise.all([browser.newPage(), browser.newPage()]);
    try {
      await Promise.all([one.goto(app.url), two.goto(app.url)]);
      await expect(article(two, '{job="shared", instance="a"}')).toBeVisible();
      await article(one, '{job="shared", instance="a"}').getByRole('button', { name: 'Delete group' }).click();
      await one.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      await expect(article(two, '{job="shared", instance="a"}')).toHaveCount(0);
      await expect(article(two, '{job="shared", instance="b"}')).toBeVisible();
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

test.describe('with a server poll every 2 s', () => {
  test.use({ appOptions: { serverPollIntervalMs: 2_000 } });
  test('three tabs cost the gateway one read per interval, not three', async ({ browser, app, gateway, pushGroup }) => {
    test.setTimeout(60_000);
    for (let i = 0; i < 20; i++) await pushGroup({ job: 'many', instance: `i${i}` }, 'm 1\n');
    const pages = await Promise.all([browser.newPage(), browser.newPage(), browser.newPage()]);
    try {
      await Promise.all(pages.map((p) => p.goto(app.url)));
      for (const p of pages) await expect(article(p, '{job="many", instance="i0"}')).toBeVisible();
      const before = await gateway.metricsReads();
      const started = Date.now();
      await new Promise((r) => setTimeout(r, 8_000));
      const elapsed = Date.now() - started;
      const reads = (await gateway.metricsReads()) - before;
      // One per interval (+2 for a poll in flight at either end); three tabs polling would be 3 ×.
      expect(reads).toBeGreaterThanOrEqual(2);
      expect(reads).toBeLessThanOrEqual(Math.ceil(elapsed / 2_000) + 2);
    } finally {
      await Promise.all(pages.map((p) => p.close()));
    }
  });

  test('a stopped gateway alerts every tab, which keep their data and recover', async ({
    browser,
    app,
    gateway,
    pushGroup,
  }) => {
    await pushGroup({ job: 'nightly', instance: 'n1' }, 'done 1\n');
    const pages = await Promise.all([browser.newPage(), browser.newPage()]);
    try {
      await Promise.all(pages.map((p) => p.goto(app.url)));
      for (const p of pages) await expect(article(p, '{job="nightly", instance="n1"}')).toBeVisible();
      await gateway.stop();
      for (const p of pages) {
        await expect(p.getByRole('alert')).toContainText(/could not reach the Pushgateway at .*ECONNREFUSED/);
        await expect(article(p, '{job="nightly", instance="n1"}')).toBeVisible();
      }
      await gateway.start();
      for (const p of pages) await expect(p.getByRole('alert')).toHaveCount(0);
    } finally {
      await Promise.all(pages.map((p) => p.close()));
    }
  });
});

test('a restarted server: the tab reconnects and resyncs by itself, losing and doubling nothing', async ({
  page,
  gateway,
  pushGroup,
}) => {
  for (const i of [1, 2, 3]) await pushGroup({ job: 'r', instance: `i${i}` }, 'm 1\n');
  const first = await TestApp.start(gateway.url, { pollIntervalMs: 2_000 });
  const port = Number(new URL(first.url).port);
  let second: TestApp | undefined;
  try {
    await page.goto(first.url);
    await expect(article(page, '{job="r", instance="i3"}')).toBeVisible();
    await first.stop();
    // While the server is away, the gateway changes.
    expect((await deleteGroup(gateway.url, { job: 'r', instance: 'i2' })).status).toBe(202);
    await pushGroup({ job: 'r', instance: 'i4' }, 'm 1\n');
    second = await TestApp.start(gateway.url, { pollIntervalMs: 2_000 }, port);
    await expect(article(page, '{job="r", instance="i4"}')).toBeVisible();
    await expect(article(page, '{job="r", instance="i2"}')).toHaveCount(0);
    const shown = await page.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const held = (await gateway.groups()).map((g) => `{job="${g.labels.job}", instance="${g.labels.instance}"}`);
    expect(shown.toSorted()).toEqual(held.toSorted());
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await second?.stop();
  }
});

test('the server’s own metrics, in the Prometheus text format', async ({ app, page, pushGroup }) => {
  await pushGroup({ job: 'm', instance: 'x' }, 'm 1\n');
  await page.goto(app.url);
  await expect(article(page, '{job="m", instance="x"}')).toBeVisible();
  const response = await fetch(new URL('-/pushboard/metrics', app.url));
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  expect(value('pushboard_groups')).toBe(1);
  expect(value('pushboard_viewers')).toBe(1);
  expect(value('pushboard_gateway_polls_total\\{outcome="success"\\}')).toBeGreaterThanOrEqual(1);
  expect(value('pushboard_gateway_answer_bytes')).toBeGreaterThan(100);
  expect(value('pushboard_streamed_bytes_total')).toBeGreaterThan(100);
  expect(text).toMatch(/^pushboard_gateway_poll_duration_seconds_count \d+$/m);
});

test('the stream and the gateway’s API are compressed when the browser asks', async ({ app, pushGroup }) => {
  await pushGroup({ job: 'z', instance: 'x' }, `# HELP m ${'long help '.repeat(200)}\nm 1\n`);
  const api = await fetch(new URL('api/v1/metrics', app.url), { headers: { 'Accept-Encoding': 'gzip' } });
  expect(api.headers.get('content-encoding')).toBe('gzip');
  expect(api.headers.get('cache-control')).toMatch(/no-cache/);
  expect(await api.text()).toContain('long help');
  const headers = await readUntilSnapshot(new URL('-/pushboard/events', app.url));
  expect(headers.get('content-type')).toContain('text/event-stream');
  expect(headers.get('content-encoding')).toBe('gzip');
});

test.describe('scraped by a real Prometheus', () => {
  test.use({ appOptions: { routePrefix: '/pb' } });
  test('the server’s own metrics, under --route-prefix', async ({ app, page, pushGroup }) => {
    test.setTimeout(60_000);
    await pushGroup({ job: 'scraped', instance: 'x' }, 'm 1\n');
    await page.goto(app.url);
    await expect(article(page, '{job="scraped", instance="x"}')).toBeVisible();
    const target = new URL(app.url);
    const prometheus = await TestPrometheus.start([
      {
        job_name: 'pushboard',
        metrics_path: `${target.pathname}-/pushboard/metrics`,
        static_configs: [{ targets: [target.host] }],
      },
    ]);
    try {
      // A body Prometheus cannot parse leaves the target down, with the parser's error.
      await expect
        .poll(async () => (await prometheus.targets()).map((t) => [t.scrapePool, t.health, t.lastError]), {
          timeout: 20_000,
        })
        .toEqual([['pushboard', 'up', '']]);
      const value = async (promql: string) => Number((await prometheus.query(promql))[0]?.value[1]);
      await expect.poll(() => value('pushboard_groups{job="pushboard"}'), { timeout: 10_000 }).toBe(1);
      expect(await value('pushboard_viewers')).toBe(1);
      expect(await value('pushboard_gateway_polls_total{outcome="success"}')).toBeGreaterThanOrEqual(1);
      expect(await value('pushboard_streamed_bytes_total')).toBeGreaterThan(100);
      expect(await value('pushboard_gateway_poll_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    } finally {
      await prometheus.stop();
    }
  });
});

test('the page carries the first groups itself, and no pushed text can break out of it', async ({
  page,
  app,
  pushGroup,
}) => {
  const hostile = `</script><img src=x onerror="window.pwned=1">$'$&<!--`;
  await pushGroup({ job: 'evil', instance: hostile }, '# HELP m </script><b>help</b>\nm 1\n');
  await pushGroup({ job: 'plain', instance: 'a' }, 'm 1\n');
  // Before any viewer the server has polled nothing: the page carries no groups then.
  expect(await (await fetch(app.url)).text()).not.toContain('pushboard-first');
  // A viewer makes the server poll; the next page carries what it holds.
  await page.goto(app.url);
  await expect(article(page, '{job="plain", instance="a"}')).toBeVisible();
  const html = await (await fetch(app.url)).text();
  const carried = carriedJson(html, 'pushboard-first');
  expect(carried).toBeDefined();
  expect(carried).not.toContain('<');
  const first = JSON.parse(carried!) as { groups: Array<{ labels: Record<string, string> }>; total: number };
  expect(first.total).toBe(2);
  expect(first.groups.map((g) => g.labels.instance)).toContain(hostile);

  // A new tab with the stream refused shows the carried groups all the same, the hostile value as text.
  const fresh = await page.context().newPage();
  await fresh.route('**/-/pushboard/events', (route) => route.abort());
  await fresh.goto(app.url);
  await expect(article(fresh, `{job="evil", instance="${hostile.replace(/["\\]/g, '\\$&')}"}`)).toBeVisible();
  await expect(fresh.getByText(hostile, { exact: true })).toBeVisible();
  expect(await fresh.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await fresh.close();
});
