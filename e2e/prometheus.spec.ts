/** The status page's Prometheus card, against a real Prometheus scraping a real gateway. */
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { freePort, TestApp, type TestGateway } from './harness';
import { TestPrometheus, type ScrapeJob } from './prometheus';

const gatewayJob = (gateway: TestGateway, honorLabels?: boolean): ScrapeJob => ({
  job_name: 'pushgateway',
  ...(honorLabels === undefined ? {} : { honor_labels: honorLabels }),
  static_configs: [{ targets: [new URL(gateway.url).host] }],
});

/** Waits for Prometheus to find its targets (a few seconds after start) and scrape each once. */
async function scraped(prometheus: TestPrometheus) {
  await expect
    .poll(
      async () => {
        const targets = await prometheus.targets();
        return targets.length > 0 && targets.every((t) => t.health !== 'unknown');
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

const card = (page: Page) => page.getByRole('region', { name: 'Prometheus' });

test('honor_labels on: the target is up and the labels are kept', async ({ page, gateway, pushGroup }) => {
  test.setTimeout(60_000);
  await pushGroup({ job: 'nightly', instance: 'db-1' }, 'm 1\n');
  const prometheus = await TestPrometheus.start([gatewayJob(gateway, true)]);
  const app = await TestApp.start(gateway.url, { prometheus: { url: new URL(prometheus.url) } });
  try {
    await scraped(prometheus);
    await page.goto(`${app.url}#/status`);
    await expect(card(page)).toContainText(`Prometheus${prometheus.url} (version 2.`);
    await expect(card(page)).toContainText(`Scrape jobpushgateway (${gateway.url}metrics)`);
    await expect(card(page)).toContainText('Target health● up');
    await expect(card(page)).toContainText('honor_labelsOn: the pushed job and instance labels are kept.');
    await expect(card(page)).toContainText(/Scrape interval1s/);
  } finally {
    await app.stop();
    await prometheus.stop();
  }
});

test('honor_labels off: the card warns, and its copied config keeps the pushed labels', async ({
  page,
  context,
  gateway,
  pushGroup,
}) => {
  test.setTimeout(90_000);
  await pushGroup({ job: 'nightly', instance: 'db-1' }, 'm 1\n');
  const prometheus = await TestPrometheus.start([gatewayJob(gateway)]);
  const app = await TestApp.start(gateway.url, { prometheus: { url: new URL(prometheus.url) } });
  let fixed: TestPrometheus | undefined;
  try {
    await scraped(prometheus);
    // Scraped without honor_labels, the pushed job is found only under exported_job.
    await expect.poll(async () => (await prometheus.query('push_time_seconds{exported_job="nightly"}')).length).toBe(1);
    expect(await prometheus.query('push_time_seconds{job="nightly"}')).toEqual([]);

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.goto(`${app.url}#/status`);
    const note = card(page).getByRole('note');
    await expect(note).toContainText('honor_labels is off for job pushgateway.');
    await expect(note).toContainText('exported_job');
    await note.getByRole('button', { name: 'Copy corrected scrape config' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const jobs = (parse(copied) as { scrape_configs: ScrapeJob[] }).scrape_configs;
    expect(jobs.map((j) => [j.job_name, j.honor_labels])).toEqual([['pushgateway', true]]);

    fixed = await TestPrometheus.start(jobs);
    await expect
      .poll(async () => (await fixed!.query('push_time_seconds{job="nightly", instance="db-1"}')).length, {
        timeout: 20_000,
      })
      .toBe(1);
  } finally {
    await app.stop();
    await prometheus.stop();
    await fixed?.stop();
  }
});

test('a Prometheus that does not scrape the gateway: the card says so and offers the job', async ({
  page,
  gateway,
}) => {
  test.setTimeout(60_000);
  const prometheus = await TestPrometheus.start([]);
  const app = await TestApp.start(gateway.url, { prometheus: { url: new URL(prometheus.url) } });
  try {
    await page.goto(`${app.url}#/status`);
    await expect(card(page)).toContainText('does not scrape this gateway: none of its 0 targets');
    await expect(card(page).getByRole('button', { name: 'Copy scrape config' })).toBeVisible();
    await expect(card(page)).toContainText('honor_labels: true');
  } finally {
    await app.stop();
    await prometheus.stop();
  }
});

test('an unreachable Prometheus: the card says so and the rest of the app is unaffected', async ({
  page,
  gateway,
  gatewayBuild,
  pushGroup,
}) => {
  await pushGroup({ job: 'nightly' }, 'm 1\n');
  const port = await freePort();
  const app = await TestApp.start(gateway.url, { prometheus: { url: new URL(`http://127.0.0.1:${port}/`) } });
  try {
    await page.goto(`${app.url}#/status`);
    await expect(card(page)).toContainText(
      `Prometheus at http://127.0.0.1:${port}/ cannot be reached: Pushboard could not reach Prometheus at http://127.0.0.1:${port}/: ECONNREFUSED`,
    );
    await expect(page.getByRole('region', { name: 'Build' })).toContainText(gatewayBuild.version);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    const group = page.getByRole('article', { name: '{job="nightly"}' });
    await expect(group).toBeVisible();
    // An expanded group says Prometheus cannot tell; no rhythm, no overdue count.
    await group.getByRole('button', { expanded: false }).click();
    await expect(group.getByRole('region', { name: 'Prometheus' })).toContainText(
      `Prometheus cannot say: Pushboard could not reach Prometheus at http://127.0.0.1:${port}/`,
    );
    await expect(group.getByRole('region', { name: 'Prometheus' }).getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('group', { name: /Quick filters by state/ })).not.toContainText('Overdue');
    await expect(page.getByRole('group', { name: /Quick filters by state/ })).toContainText('Stale');
  } finally {
    await app.stop();
  }
});

test('without --prometheus the card says how to connect it', async ({ page, app }) => {
  await page.goto(`${app.url}#/status`);
  await expect(card(page)).toContainText('Not connected. Start Pushboard with --prometheus URL');
});
