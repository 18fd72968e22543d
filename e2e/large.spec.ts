import { expect, openMenu, test } from './fixtures';

const GROUPS = 900;

test('a large first load arrives in parts and ends complete and in order', async ({ page, app, pushGroup }) => {
  test.setTimeout(120_000);
  const pushes: Promise<void>[] = [];
  for (let i = 0; i < GROUPS; i++) {
    pushes.push(pushGroup({ job: `job_${i % 7}`, instance: `i-${i}` }, `m ${i}\n`));
    if (pushes.length >= 16) await Promise.all(pushes.splice(0));
  }
  await Promise.all(pushes);
  // Every job open: 900 groups open on the job overview otherwise.
  await page.goto(`${app.url}?jobs=open&jobsort=name`);
  const summary = page.getByRole('navigation', { name: 'Summary' });
  await expect(summary.getByRole('button', { name: `${GROUPS} groups` })).toBeVisible();
  await expect(summary.getByRole('button', { name: '7 jobs' })).toBeVisible();
  await expect(page.getByText(/Loading all/)).toHaveCount(0);
  await openMenu(page, 'Actions');
  await expect(page.getByRole('button', { name: /Delete \d+ stale groups/ })).toBeVisible();
  // The top of the list: job_0 first, its instances in numeric order.
  const names = await page
    .getByRole('article')
    .evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('aria-label')));
  expect(names).toEqual([
    '{job="job_0", instance="i-0"}',
    '{job="job_0", instance="i-7"}',
    '{job="job_0", instance="i-14"}',
  ]);
  // Filtering reaches groups from the second part too.
  await page.getByRole('searchbox', { name: 'Filter groups' }).fill('instance="i-899"');
  await expect(page.getByRole('article')).toHaveCount(1);
});
