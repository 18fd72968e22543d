import { groupPath } from '../core/group-path.js';
import { TestApp } from './harness';
import { RefusingProxy } from './refusing-proxy';
import { article, expect, test } from './fixtures';

const victims = [
  { job: 'r', instance: 'ok-1' },
  { job: 'r', instance: 'refused' },
  { job: 'r', instance: 'ok-2' },
];

test('a delete the gateway refuses for one group: that group comes back, the others stay deleted, Retry retries it', async ({
  page,
  gateway,
  pushGroup,
}) => {
  for (const labels of victims) await pushGroup(labels, 'm 1\n');
  let refusing = true;
  const refusedPath = `/${groupPath(victims[1]!)}`;
  const proxy = await RefusingProxy.start(
    gateway.url,
    (method, path) => refusing && method === 'DELETE' && path === refusedPath,
  );
  const app = await TestApp.start(proxy.url);
  try {
    await page.goto(app.url);
    await page.getByRole('checkbox', { name: 'Select all in job r' }).check();
    await page.getByRole('button', { name: 'Delete 3 selected groups' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();

    const failure = page.getByRole('alert').filter({ hasText: 'Could not delete 1 group:' });
    await expect(failure.getByRole('listitem')).toHaveText([
      /\{job="r", instance="refused"\}: .*500.*refused by the test proxy/,
    ]);
    await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 groups.' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(article(page, '{job="r", instance="refused"}')).toBeVisible();
    expect((await gateway.groups()).map((g) => g.labels.instance)).toEqual(['refused']);

    // Retry acts on the failed group only.
    refusing = false;
    await failure.getByRole('button', { name: 'Retry delete of {job="r", instance="refused"}' }).click();
    await expect(failure).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Deleted {job="r", instance="refused"}.' })).toBeVisible();
    await expect.poll(() => gateway.groups()).toEqual([]);
    await expect(page.getByRole('article')).toHaveCount(0);
  } finally {
    await app.stop();
    await proxy.stop();
  }
});
