/**
 * Through Prometheus' eyes, per group: seen by Prometheus, Open in Prometheus, and overdue for the
 * group's own rhythm, against a real Prometheus scraping a real gateway every second.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { article, expect, openMenu, push, test } from './fixtures';
import { freePort, TestApp, type TestGateway } from './harness';
import { TestPrometheus, type ScrapeJob } from './prometheus';

const gatewayJob = (gateway: TestGateway, honorLabels: boolean): ScrapeJob => ({
  job_name: 'pushgateway',
  honor_labels: honorLabels,
  static_configs: [{ targets: [new URL(gateway.url).host] }],
});

/** Expands a group and returns its Prometheus section. */
async function seenSection(page: Page, selector: string) {
  const group = article(page, selector);
  await group.getByRole('button', { expanded: false }).first().click();
  return group.getByRole('region', { name: 'Prometheus' });
}

for (const honorLabels of [true, false]) {
  test(`honor_labels ${honorLabels ? 'on' : 'off'}: an expanded group is seen by Prometheus, and Open in Prometheus finds its series`, async ({
    page,
    gateway,
    pushGroup,
  }) => {
    test.setTimeout(60_000);
    await pushGroup({ job: 'nightly', instance: 'db-1' }, '# TYPE rows gauge\nrows{table="t"} 42\n');
    // The same job without an instance: a selector on job alone would find both groups.
    await pushGroup({ job: 'nightly' }, '# TYPE rows gauge\nrows 7\n');
    const prometheus = await TestPrometheus.start([gatewayJob(gateway, honorLabels)]);
    const app = await TestApp.start(gateway.url, { prometheus: { url: new URL(prometheus.url) } });
    try {
      await expect.poll(async () => (await prometheus.query('push_time_seconds')).length, { timeout: 20_000 }).toBe(2);
      await page.goto(app.url);
      const section = await seenSection(page, '{job="nightly", instance="db-1"}');
      await expect(section).toContainText('Seen by Prometheus: push_time_seconds last scraped');
      const link = section.getByRole('link', { name: 'Open rows in Prometheus' });
      const href = new URL((await link.getAttribute('href'))!);
      expect(`${href.origin}/`).toBe(prometheus.url);
      expect(href.pathname).toBe('/graph');
      const expr = href.searchParams.get('g0.expr')!;
      expect(expr).toContain(honorLabels ? 'instance="db-1"' : 'exported_instance="db-1"');
      // The query behind the link returns exactly this group's series, as Prometheus labels them.
      const series = await prometheus.query(expr);
      expect(series.map((s) => [s.metric.table, s.value[1]])).toEqual([['t', '42']]);

      const bare = await seenSection(page, '{job="nightly"}');
      const bareExpr = new URL(
        (await bare.getByRole('link', { name: 'Open rows in Prometheus' }).getAttribute('href'))!,
      ).searchParams.get('g0.expr')!;
      expect((await prometheus.query(bareExpr)).map((s) => s.value[1])).toEqual(['7']);
    } finally {
      await app.stop();
      await prometheus.stop();
    }
  });
}

test('a group that stops pushing becomes overdue for its own rhythm; one still pushing does not; Prometheus alerts on the export', async ({
  page,
  gateway,
}) => {
  test.setTimeout(120_000);
  const appPort = await freePort();
  // Prometheus scrapes the gateway and Pushboard's own metrics, each with honor_labels.
  const prometheus = await TestPrometheus.start([
    gatewayJob(gateway, true),
    {
      job_name: 'pushboard',
      honor_labels: true,
      metrics_path: '/-/pushboard/metrics',
      static_configs: [{ targets: [`127.0.0.1:${appPort}`] }],
    },
  ]);
  const app = await TestApp.start(
    gateway.url,
    {
      pollIntervalMs: 1000,
      prometheus: {
        url: new URL(prometheus.url),
        // Factor 4: the still-pushing group is never judged on a clock a tick behind its pushes.
        health: { refreshMs: 2000, window: '3600s', factor: 4, export: true },
      },
    },
    appPort,
  );
  let pushing: NodeJS.Timeout | undefined;
  try {
    await push(gateway.url, { job: 'never-rhythmic' }, 'once 1\n');
    const both = async () => {
      await push(gateway.url, { job: 'backup', instance: 'db-1' }, 'rows 1\n');
      await push(gateway.url, { job: 'backup', instance: 'db-2' }, 'rows 2\n');
    };
    await both();
    pushing = setInterval(() => void both(), 1000);
    await page.goto(app.url);
    // Both push every second: a rhythm of about a second, and neither is overdue.
    await expect(article(page, '{job="backup", instance="db-1"}')).toContainText('usually every 1s', {
      timeout: 30_000,
    });
    await page.waitForTimeout(12_000);
    await expect(page.getByRole('button', { name: 'Overdue (0)' })).toBeVisible();
    // db-1 stops; db-2 goes on.
    clearInterval(pushing);
    pushing = setInterval(() => void push(gateway.url, { job: 'backup', instance: 'db-2' }, 'rows 2\n'), 1000);

    const stopped = article(page, '{job="backup", instance="db-1"}');
    await expect(stopped).toContainText(/Overdue: usually every 1s, last push \d+s ago/, { timeout: 20_000 });
    await expect(article(page, '{job="backup", instance="db-2"}')).toContainText('usually every 1s');
    await expect(article(page, '{job="backup", instance="db-2"}')).not.toContainText('Overdue');
    // Once pushed: no rhythm, never overdue.
    await expect(article(page, '{job="never-rhythmic"}')).not.toContainText('usually');

    // The job row counts it, and the quick filter shows it.
    await expect(page.locator('[data-job-row="backup"]')).toContainText('1 overdue');
    await page.getByRole('button', { name: 'Overdue (1)' }).click();
    await expect(page).toHaveURL(/only=overdue/);
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(stopped).toBeVisible();
    await page.getByRole('button', { name: 'Overdue (1)' }).click();
    await openMenu(page, 'Options');
    await page.getByRole('combobox', { name: /Sort by/ }).selectOption('Most overdue first');
    await expect(page.getByRole('article').first()).toHaveAccessibleName('{job="backup", instance="db-1"}');

    // The export: 1 for the stopped group, 0 for the other, and Prometheus has scraped it.
    const metrics = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
    expect(metrics).toContain('pushboard_group_overdue{job="backup",instance="db-1"} 1\n');
    expect(metrics).toContain('pushboard_group_overdue{job="backup",instance="db-2"} 0\n');
    const interval = /pushboard_group_expected_interval_seconds\{job="backup",instance="db-1"\} (\S+)\n/.exec(metrics);
    expect(Number(interval?.[1])).toBeGreaterThan(0.5);
    expect(Number(interval?.[1])).toBeLessThan(2);
    await expect
      .poll(async () => (await prometheus.query('pushboard_group_overdue == 1')).map((s) => s.metric.instance), {
        timeout: 20_000,
      })
      .toEqual(['db-1']);
    // The status page's card says how many groups have a rhythm.
    await page.goto(`${app.url}#/status`);
    await expect(page.getByRole('region', { name: 'Prometheus' })).toContainText(
      'Usual intervals2 groups have one (at least 3 pushes in the window); overdue after 4× it',
    );
    // The Groups card counts overdue groups too, a way into the filtered list.
    await page.getByRole('region', { name: 'Groups' }).getByRole('link', { name: '1 overdue group' }).click();
    await expect(page).toHaveURL(/only=overdue/);
    await expect(page.getByRole('article')).toHaveCount(1);
  } finally {
    clearInterval(pushing);
    await app.stop();
    await prometheus.stop();
  }
});

test('the README’s alerting rule and scrape job are what promtool accepts', async () => {
  const readme = readFileSync('README.md', 'utf8');
  const block = /```yaml\n {2}(# prometheus\.yml\n[\s\S]*?) *```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const [scrape, rules] = block!.replace(/^ {2}/gm, '').split('# rules.yml\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-readme-'));
  try {
    writeFileSync(path.join(dir, 'rules.yml'), rules!);
    writeFileSync(path.join(dir, 'prometheus.yml'), `${scrape}rule_files: [rules.yml]\n`);
    const check = spawnSync('promtool', ['check', 'config', path.join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('SUCCESS: 1 rule files found');
    expect(check.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
