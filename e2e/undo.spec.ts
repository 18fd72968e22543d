import { expect, test } from './fixtures';

const body = `# HELP jobs_total Jobs done, with "quotes" and a backslash \\\\ and a\\nnewline.
# TYPE jobs_total counter
jobs_total{queue="high",path="/var/x"} 1.23456789e+09
jobs_total{queue="low \\"quoted\\""} 42
# HELP temp Temperature.
# TYPE temp gauge
temp -Inf
edge_case NaN
# HELP rpc_seconds RPC latency.
# TYPE rpc_seconds summary
rpc_seconds{quantile="0.5"} 0.25
rpc_seconds{quantile="0.99"} NaN
rpc_seconds_sum 12.5
rpc_seconds_count 40
# HELP size_bytes Sizes.
# TYPE size_bytes histogram
size_bytes_bucket{le="2.5"} 1
size_bytes_bucket{le="10"} 3
size_bytes_bucket{le="+Inf"} 9
size_bytes_sum 420.5
size_bytes_count 9
`;

/** A group's families as the gateway reports them, without the parts that change on every push. */
function comparable(group: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [name, family] of Object.entries(group)) {
    if (name === 'push_time_seconds' || name === 'push_failure_time_seconds' || name === 'last_push_successful')
      continue;
    if (name === 'labels') {
      out[name] = family;
      continue;
    }
    const { time_stamp: _ignored, ...rest } = family as Record<string, unknown>;
    out[name] = rest;
  }
  return out;
}

test('undo pushes deleted groups back with the same families, TYPE, HELP, labels and values', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'undo', instance: 'u1', path: '/srv/a' }, body);
  await pushGroup({ job: 'undo', instance: 'u2' }, 'plain 7\n');
  await pushGroup({ job: 'bystander' }, 'm 1\n');
  const before = (await gateway.groups()).filter((g) => g.labels.job === 'undo').map(comparable);
  expect(before).toHaveLength(2);

  await page.goto(app.url);
  await page.getByRole('checkbox', { name: 'Select all in job undo' }).check();
  await page.getByRole('button', { name: 'Delete 2 selected groups' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted 2 groups.' });
  await expect(notice).toContainText('the restored push time is the time of the undo');
  await expect.poll(async () => (await gateway.groups()).length).toBe(1);

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored 2 groups.' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(3);

  const after = (await gateway.groups()).filter((g) => g.labels.job === 'undo').map(comparable);
  const byInstance = (a: Record<string, unknown>[]) =>
    [...a].sort((x, y) =>
      String((x.labels as Record<string, string>).instance).localeCompare(
        String((y.labels as Record<string, string>).instance),
      ),
    );
  expect(byInstance(after)).toEqual(byInstance(before));
});

test('the undo offer stays for at least 10 seconds', async ({ page, app, pushGroup }) => {
  await pushGroup({ job: 'slow' }, 'm 1\n');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const undo = page.getByRole('status').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await page.waitForTimeout(10_500);
  await expect(undo).toBeVisible();
});
