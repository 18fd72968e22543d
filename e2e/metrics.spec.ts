import { article, expect, test } from './fixtures';

const body = `# HELP jobs_processed_total Jobs processed since start.
# TYPE jobs_processed_total counter
jobs_processed_total{queue="high"} 1.23456789e+09
jobs_processed_total{queue="low"} 42
# HELP queue_depth Items waiting.
# TYPE queue_depth gauge
queue_depth -Inf
# TYPE tiny untyped
tiny 1e-300
# HELP rpc_seconds RPC latency.
# TYPE rpc_seconds summary
rpc_seconds{quantile="0.99"} NaN
rpc_seconds{quantile="0.5"} 0.25
rpc_seconds{quantile="0.9"} 0.75
rpc_seconds_sum 12.5
rpc_seconds_count 40
# HELP size_bytes Sizes seen.
# TYPE size_bytes histogram
size_bytes_bucket{le="10"} 3
size_bytes_bucket{le="2.5"} 1
size_bytes_bucket{le="100"} 7
size_bytes_bucket{le="+Inf"} 9
size_bytes_sum 420.5
size_bytes_count 9
`;

test('expanding a group shows every family with TYPE, HELP and samples of each type', async ({
  page,
  app,
  pushGroup,
}) => {
  await pushGroup({ job: 'worker', instance: 'w-1' }, body);
  await page.goto(app.url);
  const group = article(page, '{job="worker", instance="w-1"}');
  const toggle = group.getByRole('button', { name: '5 families, 6 series' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  const counter = group.getByRole('region', { name: 'jobs_processed_total' });
  await expect(counter).toContainText('counter');
  await expect(counter).toContainText('Jobs processed since start.');
  await expect(counter.getByRole('row', { name: /queue="high"/ })).toContainText('1,234,567,890');
  await expect(counter.getByRole('row', { name: /queue="low"/ })).toContainText('42');
  await expect(counter).toContainText(/pushed (just now|\d+ s ago)/);

  const gauge = group.getByRole('region', { name: 'queue_depth' });
  await expect(gauge).toContainText('gauge');
  await expect(gauge.getByRole('cell', { name: '-Inf' })).toBeVisible();

  const untyped = group.getByRole('region', { name: 'tiny' });
  await expect(untyped).toContainText('untyped');
  await expect(untyped).toContainText('No HELP text');
  await expect(untyped.getByRole('cell', { name: '1e-300' })).toBeVisible();

  const summary = group.getByRole('region', { name: 'rpc_seconds' });
  await expect(summary).toContainText('summary');
  const quantiles = summary.getByRole('table', { name: 'Quantiles of rpc_seconds' }).getByRole('row');
  // Side by side: two rows however many quantiles.
  await expect(quantiles).toHaveText([/Quantile\s*0\.5\s*0\.9\s*0\.99/, /Value\s*0\.25\s*0\.75\s*NaN/]);
  await expect(summary).toContainText(/count\s*40/);
  await expect(summary).toContainText(/sum\s*12\.5/);

  const histogram = group.getByRole('region', { name: 'size_bytes' });
  await expect(histogram).toContainText('histogram');
  const buckets = histogram.getByRole('table', { name: 'Buckets of size_bytes' }).getByRole('row');
  // One column per bucket: its bound, the observations in it alone (drawn as a bar), the cumulative count.
  await expect(buckets).toHaveText([
    /le\s*2\.5\s*10\s*100\s*\+Inf/,
    /In bucket\s*1\s*2\s*4\s*2/,
    /Cumulative\s*1\s*3\s*7\s*9/,
  ]);
  await expect(histogram).toContainText(/count\s*9/);
  await expect(histogram).toContainText(/sum\s*420\.5/);
  // 420.5 / 9; p50 is 10 + 90 × (4.5 - 3) / 4 (linear in (10, 100]); p90 and p99 fall in +Inf: 100.
  await expect(histogram).toContainText(/avg\s*46\.7222/);
  await expect(histogram).toContainText(/p50\s*43\.75/);
  await expect(histogram).toContainText(/p90\s*100(?![\d.])/);
  await expect(histogram).toContainText(/p99\s*100(?![\d.])/);

  // Five families fit in about 330 px, and the whole expanded group, with its own line and the row
  // of its selector, push history strip and copy helpers, in about 400.
  const sections = group.getByRole('region').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(sections).toHaveCount(5);
  let families = 0;
  for (const box of await sections.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
    families += box;
  expect(families, 'the 5 families of the expanded group, in px').toBeLessThanOrEqual(340);
  const whole = await group.evaluate((e) => e.getBoundingClientRect().height);
  expect(whole, 'the expanded group of 5 families, in px').toBeLessThanOrEqual(410);

  // Freshness families are the group's freshness, not ordinary families.
  await expect(group.getByRole('region', { name: 'push_time_seconds' })).toHaveCount(0);
  await expect(group).toContainText(/pushed (just now|\d+ s ago)/);

  await toggle.click();
  await expect(counter).toBeHidden();
});

test('the exact value is available for a rounded number', async ({ page, app, pushGroup }) => {
  await pushGroup({ job: 'precise' }, 'ratio 0.30000000000000004\n');
  await page.goto(app.url);
  const group = article(page, '{job="precise"}');
  await group.getByRole('button', { name: /1 family/ }).click();
  const value = group.getByText('0.3', { exact: true });
  const tooltip = page.getByRole('tooltip').filter({ hasText: 'exact: 0.30000000000000004' });
  await expect(tooltip).toBeHidden();
  // Keyboard users reach it by focus (the value's focusable wrapper), mouse users by hovering.
  await value.locator('xpath=..').focus();
  await expect(tooltip).toBeVisible();
  await value.locator('xpath=..').blur();
  await expect(tooltip).toBeHidden();
  await value.hover();
  await expect(tooltip).toBeVisible();
});

test('a failed push is marked, with the time of failure; a failed first push still shows', async ({
  page,
  app,
  pushGroup,
  pushRefused,
}) => {
  await pushGroup({ job: 'a', instance: 'ok' }, '# TYPE shared counter\nshared 1\n');
  await pushGroup({ job: 'b', instance: 'was-fine' }, 'other 1\n');
  // Same name with another TYPE: the gateway refuses it and marks the group as failed.
  await pushRefused({ job: 'b', instance: 'was-fine' }, '# TYPE shared gauge\nshared 2\n');
  await pushRefused({ job: 'c', instance: 'broken' }, '# TYPE shared gauge\nshared 3\n');

  await page.goto(app.url);
  const failed = article(page, '{job="b", instance="was-fine"}');
  await expect(failed).toContainText('Last push failed');
  await expect(failed).toContainText(/pushed (just now|\d+ s ago)/);
  const firstFailed = article(page, '{job="c", instance="broken"}');
  await expect(firstFailed).toContainText('Last push failed');
  await expect(firstFailed).toContainText('never pushed successfully');
  await expect(article(page, '{job="a", instance="ok"}')).not.toContainText('Last push failed');
});
