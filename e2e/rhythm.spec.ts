/**
 * Each job's rhythm with no Prometheus at all: learned by the server from its own polls, or
 * written in the configuration; late (the page's overdue) against it, and stale per expectation.
 */
import { article, expect, push, test } from './fixtures';
import { TestApp } from './harness';
import { parseConfig } from '../server/config';

const gauge = (value: number) => `# TYPE work_done gauge\nwork_done ${value}\n`;

test('a job pushing every 2 s that stops is marked late within a few intervals; a steady one is not', async ({
  page,
  gateway,
}) => {
  test.setTimeout(60_000);
  const app = await TestApp.start(gateway.url, {
    pollIntervalMs: 1000,
    rhythms: { refreshMs: 1000 },
    exportGroupHealth: true,
  });
  let pushes = 0;
  let stopped = false;
  const pushBoth = async () => {
    pushes++;
    await push(gateway.url, { job: 'steady' }, gauge(pushes));
    if (!stopped) await push(gateway.url, { job: 'stopping' }, gauge(pushes));
  };
  await pushBoth();
  const timer = setInterval(() => void pushBoth(), 2000);
  try {
    await page.goto(app.url);
    const steady = article(page, '{job="steady"}');
    const stopping = article(page, '{job="stopping"}');
    // Three pushes seen by the server: a rhythm of its own, learned without Prometheus.
    await expect(stopping).toContainText(/usually every 2s, next due in/, { timeout: 20_000 });
    await expect(steady).toContainText(/usually every 2s/);
    stopped = true;
    const stoppedAt = Date.now();
    await expect(stopping).toContainText(/Overdue: usually every 2s, last push \d+s ago/, { timeout: 20_000 });
    // Late after 2 × 2 s + one poll, seen within the page's 5 s clock: a few intervals, not minutes.
    expect(Date.now() - stoppedAt).toBeLessThan(16_000);
    await expect(steady).not.toContainText('Overdue');
    await expect(page.getByRole('button', { name: 'Overdue (1)' })).toBeVisible();
    // Each job row's strip: the job's pushes together, and the next one expected, in the past for
    // the job that stopped.
    await expect(
      page.getByRole('img', {
        name: /^Job stopping: last \d+ pushes over .*: \d+ successful, 0 failed; next expected \d+s ago$/,
      }),
    ).toBeVisible({ timeout: 15_000 });
    await expect(
      page.getByRole('img', { name: /^Job steady: last \d+ pushes over .*: \d+ successful, 0 failed; next expected/ }),
    ).toBeVisible();
    // The same for alerting, at /-/pushboard/metrics, with no Prometheus behind it.
    const metrics = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
    expect(metrics).toContain('pushboard_group_overdue{job="stopping"} 1\n');
    expect(metrics).toContain('pushboard_group_overdue{job="steady"} 0\n');
    const interval = /pushboard_group_expected_interval_seconds\{job="steady"\} (\S+)\n/.exec(metrics)?.[1];
    expect(Number(interval)).toBeGreaterThan(1.5);
    expect(Number(interval)).toBeLessThan(2.5);
    expect(metrics).toContain('pushboard_job_groups{job="stopping",state="late"} 1\n');
    expect(metrics).toContain('pushboard_job_groups{job="steady",state="on_time"} 1\n');
  } finally {
    clearInterval(timer);
    await app.stop();
  }
});

test('a written every: 7d expectation shows the group on time and keeps it from being stale', async ({
  page,
  gateway,
  pushGroup,
}) => {
  const config = parseConfig(
    `expect:
  - match: '{job="weekly-report"}'
    every: 7d
    stale_after: 8d
`,
    'pushboard.yml',
  );
  const app = await TestApp.start(gateway.url, { expect: config.expect });
  try {
    await pushGroup({ job: 'weekly-report' }, gauge(1));
    await pushGroup({ job: 'hourly' }, gauge(1));
    // A 1 s threshold for everything else: the hourly group turns stale, the weekly one does not.
    await page.goto(`${app.url}?stale=1s`);
    const weekly = article(page, '{job="weekly-report"}');
    const hourly = article(page, '{job="hourly"}');
    await expect(hourly).toContainText('Stale', { timeout: 15_000 });
    await expect(weekly).toContainText(/expected every 7d, next due in 6d 23h/);
    await expect(weekly).not.toContainText('Stale');
    await expect(weekly).not.toContainText('Overdue');
  } finally {
    await app.stop();
  }
});

test('an expanded group shows its last pushes on a time axis, and a failed push as far as it can be explained', async ({
  page,
  gateway,
  pushGroup,
  pushRefused,
}) => {
  test.setTimeout(60_000);
  const app = await TestApp.start(gateway.url, { pollIntervalMs: 500 });
  try {
    await page.goto(app.url);
    await pushGroup({ job: 'other' }, '# TYPE rows gauge\nrows 1\n');
    for (let i = 1; i <= 3; i++) {
      await pushGroup({ job: 'etl' }, `# TYPE rows gauge\nrows ${i}\n`);
      await expect(article(page, '{job="etl"}')).toBeVisible();
      await page.waitForTimeout(1100);
    }
    // A push that makes rows a counter while another group holds it as a gauge: refused.
    await pushRefused({ job: 'etl' }, '# TYPE rows counter\nrows 4\n');
    const etl = article(page, '{job="etl"}');
    await expect(etl).toContainText('Last push failed', { timeout: 10_000 });
    await etl.getByRole('button', { expanded: false }).first().click();
    const history = etl.getByRole('region', { name: 'Push history' });
    await expect(
      history.getByRole('img', { name: /^Last 4 pushes over \d+s: 3 successful, 1 failed; next expected/ }),
    ).toBeVisible();
    await expect(etl).toContainText(/usually every \ds/);
    const why = etl.getByRole('region', { name: 'Why the last push failed' });
    await expect(why).toContainText('the gateway keeps no reason for a refused push');
    await expect(why).toContainText('rows (gauge, no HELP, in 1 other group)');
  } finally {
    await app.stop();
  }
});
