import { article, expect, test } from './fixtures';

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

test('undo pushes deleted groups back with the same families, TYPE, HELP, labels and values @both-gateways', async ({
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

  await notice.getByRole('button', { name: 'Undo delete of 2 groups' }).click();
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

test('the undo offer stays for at least 10 seconds, untouched, and then leaves', async ({ page, app, pushGroup }) => {
  await page.clock.install();
  await pushGroup({ job: 'slow' }, 'm 1\n');
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const undo = page.getByRole('status').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  // A notice holding the pointer or focus never leaves (focus lands on its Undo): leave it alone,
  // as someone who looked away would.
  await page.getByRole('heading', { name: 'Groups', level: 1 }).click();
  await expect(undo).not.toBeFocused();
  await page.clock.runFor(10_500);
  await expect(undo).toBeVisible();
  await page.clock.runFor(10_000);
  await expect(undo).toBeHidden();
});

/** The value of metric `m` in the group with this job, as the gateway holds it. */
async function valueOf(gateway: { groups: () => Promise<Array<Record<string, unknown>>> }, job: string) {
  const group = (await gateway.groups()).find((g) => (g.labels as Record<string, string>).job === job);
  const m = group?.m as { metrics: Array<{ value: string }> } | undefined;
  return m?.metrics[0]?.value;
}

test('undo keeps a group pushed again since the delete, and restores only the absent ones @both-gateways', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'nightly' }, 'm 1\n');
  await pushGroup({ job: 'weekly' }, 'm 2\n');
  await page.goto(app.url);
  await page.getByRole('checkbox', { name: 'Select all in job nightly' }).check();
  await page.getByRole('checkbox', { name: 'Select all in job weekly' }).check();
  await page.getByRole('button', { name: 'Delete 2 selected groups' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => gateway.groups()).toEqual([]);

  // The batch job runs again before anyone clicks Undo.
  await pushGroup({ job: 'nightly' }, 'm 99\n');
  await page.getByRole('button', { name: 'Undo delete of 2 groups' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Restored {job="weekly"}' })).toContainText(
    '{job="nightly"} was pushed again since; kept the new data',
  );
  expect(await valueOf(gateway, 'nightly')).toBe('99');
  expect(await valueOf(gateway, 'weekly')).toBe('2');
  await expect(article(page, '{job="nightly"}')).toBeVisible();
});

test('a bulk notice lists what it deleted and undoes one group as well as all', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  for (const i of [1, 2, 3, 4]) await pushGroup({ job: 'bulk', instance: `b${i}` }, `m ${i}\n`);
  await page.goto(app.url);
  await page.getByRole('checkbox', { name: 'Select all in job bulk' }).check();
  await page.getByRole('button', { name: 'Delete 4 selected groups' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => gateway.groups()).toEqual([]);

  const notice = page.getByRole('status').filter({ hasText: 'Deleted 4 groups.' });
  // More than three groups fold under a disclosure.
  await notice.getByText('Show the 4 groups').click();
  await expect(notice.getByRole('list', { name: 'Deleted groups' }).getByRole('listitem')).toHaveCount(4);
  await notice.getByRole('button', { name: 'Undo delete of {job="bulk", instance="b3"}' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Restored {job="bulk", instance="b3"}' })).toBeVisible();
  expect((await gateway.groups()).map((g) => g.labels.instance)).toEqual(['b3']);
  // The notice now offers the other three.
  await expect(notice).toHaveCount(0);
  const rest = page.getByRole('status').filter({ hasText: 'Deleted 3 groups.' });
  await rest.getByRole('button', { name: 'Undo delete of 3 groups' }).click();
  await expect.poll(async () => (await gateway.groups()).length).toBe(4);
});

test('stacked notices: each Undo named by what it restores, older successes folded, nothing lost', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  test.setTimeout(60_000);
  const jobs = ['s1', 's2', 's3', 's4'];
  for (const job of jobs) await pushGroup({ job }, 'm 1\n');
  await page.goto(app.url);
  for (const job of jobs) {
    await article(page, `{job="${job}"}`).getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('button', { name: `Undo delete of {job="${job}"}` })).toBeVisible();
  }
  await expect.poll(() => gateway.groups()).toEqual([]);
  // The three newest are in view; the older one folds into one line.
  await expect(page.getByRole('button', { name: /^Undo delete of/ })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Undo delete of {job="s1"}' })).toBeHidden();
  await page.getByRole('button', { name: 'Show 1 earlier notice' }).click();
  await page.getByRole('button', { name: 'Undo delete of {job="s1"}' }).click();
  await expect.poll(async () => (await gateway.groups()).map((g) => g.labels.job)).toEqual(['s1']);
});

test('the dialog says how long Undo lasts, and Esc on a notice closes the notice, not the filter', async ({
  page,
  app,
  pushGroup,
}) => {
  for (const job of ['esc', 'other']) await pushGroup({ job }, 'm 1\n');
  await page.goto(app.url);
  const filter = page.getByRole('searchbox', { name: 'Filter groups' });
  await filter.fill('job="esc"');
  await expect(page.getByRole('article')).toHaveCount(1);
  await article(page, '{job="esc"}').getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete group' });
  await expect(dialog).toContainText('Undo is offered for 20 seconds afterwards');
  await dialog.getByRole('button', { name: 'Delete' }).click();

  const undo = page.getByRole('button', { name: 'Undo delete of {job="esc"}' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(undo).toHaveCount(0);
  await expect(filter).toHaveValue('job="esc"');
});
