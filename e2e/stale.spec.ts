import { article, expect, openMenu, test } from './fixtures';

const keys = async (gateway: { groups: () => Promise<Array<{ labels: Record<string, string> }>> }) =>
  (await gateway.groups()).map((g) => g.labels.instance).sort();

test('stale groups are marked, filtered, and deleted in bulk; the threshold is kept in the URL and browser', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'nightly', instance: 'old-1' }, 'm 1\n');
  await pushGroup({ job: 'cron', instance: 'old-2' }, 'm 1\n');

  await page.goto(app.url);
  await expect(page.getByRole('article')).toHaveCount(2);
  // Default threshold: 1 hour, so nothing is stale yet.
  await openMenu(page, 'Actions');
  await expect(page.getByRole('button', { name: 'Delete 0 stale groups' })).toBeDisabled();
  await openMenu(page, 'Options');
  const threshold = page.getByRole('combobox', { name: 'Stale after' });
  await expect(threshold).toHaveValue('1h');

  await threshold.fill('soon');
  await threshold.press('Enter');
  await expect(page.getByText('Use a duration like 30s, 5m, 1h or 1d.')).toBeVisible();
  await threshold.fill('6s');
  await threshold.press('Enter');
  await expect(page).toHaveURL(/[?&]stale=6s/);
  // Once the first two are older than 6 s, push two fresh ones: they have 6 s before they age.
  await expect(page.getByRole('button', { name: 'Stale (2)' })).toBeVisible({ timeout: 15_000 });
  await pushGroup({ job: 'nightly', instance: 'fresh-1' }, 'm 1\n');
  await pushGroup({ job: 'cron', instance: 'fresh-2' }, 'm 1\n');
  await expect(page.getByRole('article')).toHaveCount(4);

  await expect(article(page, '{job="nightly", instance="old-1"}').getByText('Stale', { exact: true })).toBeVisible();
  await expect(article(page, '{job="cron", instance="old-2"}').getByText('Stale', { exact: true })).toBeVisible();
  await expect(article(page, '{job="nightly", instance="fresh-1"}').getByText('Stale', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Stale (2)' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('button', { name: 'Stale (2)' }).click();
  await expect(page.getByRole('article')).toHaveCount(4);

  await openMenu(page, 'Actions');
  await page.getByRole('button', { name: 'Delete 2 stale groups' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 stale groups' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    /\{job="cron", instance="old-2"\}/,
    /\{job="nightly", instance="old-1"\}/,
  ]);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => keys(gateway)).toEqual(['fresh-1', 'fresh-2']);
  await expect(page.getByRole('article')).toHaveCount(2);

  // The threshold survives a reload (URL) and a fresh visit (browser storage).
  await page.reload();
  await openMenu(page, 'Options');
  await expect(page.getByRole('combobox', { name: 'Stale after' })).toHaveValue('6s');
  await page.goto(app.url);
  await openMenu(page, 'Options');
  await expect(page.getByRole('combobox', { name: 'Stale after' })).toHaveValue('6s');
});

test('bulk actions act on the groups shown, and selected groups the filter hides are named', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  test.setTimeout(60_000);
  for (const instance of ['b1', 'b2']) await pushGroup({ job: 'backup', instance }, 'm 1\n');
  for (const instance of ['o1', 'o2']) await pushGroup({ job: 'other', instance }, 'm 1\n');
  await page.goto(`${app.url}?stale=2s`);
  await openMenu(page, 'Actions');
  await expect(page.getByRole('button', { name: 'Delete 4 stale groups' })).toBeEnabled({ timeout: 15_000 });

  const filter = page.getByRole('searchbox', { name: 'Filter groups' });
  await filter.fill('job="backup"');
  await expect(page.getByText('Showing 2 of 4 groups.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stale (2)' })).toBeVisible();
  await openMenu(page, 'Actions');
  await page.getByRole('button', { name: 'Delete 2 stale groups shown' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 stale groups shown' });
  await expect(dialog.getByRole('listitem')).toHaveText([/instance="b1"/, /instance="b2"/]);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => keys(gateway)).toEqual(['o1', 'o2']);

  // Select a whole job, then filter it out of view: the page says so and offers both ways out.
  await filter.fill('');
  // Esc closes the Actions menu, which lies over the list.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Actions' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('checkbox', { name: 'Select all in job other' }).check();
  await filter.fill('nothing-matches-this');
  await expect(page.getByText('2 of 2 selected groups are hidden by the filter.')).toBeVisible();
  await page.getByRole('button', { name: 'Show them' }).click();
  await expect(filter).toHaveValue('');
  await expect(page.getByRole('article')).toHaveCount(2);

  await filter.fill('instance="o1"');
  await expect(page.getByText('1 of 2 selected groups is hidden by the filter.')).toBeVisible();
  await page.getByRole('button', { name: 'Unselect them' }).click();
  await expect(page.getByRole('button', { name: 'Delete 1 selected group' })).toBeEnabled();
  await expect(page.getByText(/hidden by the filter/)).toHaveCount(0);
});
