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
    await expect(page.getByRole('button', { name: /Only overdue groups/ })).toContainText('(1)');
    // The same for alerting, at /-/pushboard/metrics, with no Prometheus behind it.
    const metrics = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
    expect(metrics).toContain('pushboard_group_overdue{job="stopping"} 1\n');
    expect(metrics).toContain('pushboard_group_overdue{job="steady"} 0\n');
    expect(metrics).toMatch(/pushboard_group_expected_interval_seconds\{job="steady"\} 2(\.\d+)?\n/);
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
