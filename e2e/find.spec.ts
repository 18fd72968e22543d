import { article, expect, openMenu, test } from './fixtures';

const HOSTS = 300;

test.beforeEach(async ({ pushGroup, pushRefused }) => {
  // A few hundred groups: enough that the list must scroll and virtualise.
  const pushes = [];
  for (let i = 1; i <= HOSTS; i++) {
    const job = i % 3 === 0 ? 'backup' : i % 3 === 1 ? 'etl' : 'cron';
    const region = i % 2 ? 'eu' : 'us';
    pushes.push(pushGroup({ job, instance: `host-${i}`, region }, `${job}_runs_total{step="a"} ${i}\n`));
    if (pushes.length >= 16) await Promise.all(pushes.splice(0));
  }
  await Promise.all(pushes);
  await pushGroup({ job: 'special', instance: 'only-one' }, 'special_metric 1\n');
  // A failed push on an existing group: special_metric with another TYPE.
  await pushRefused(
    { job: 'etl', instance: 'host-1', region: 'eu' },
    '# TYPE special_metric counter\nspecial_metric 2\n',
  );
});

const filter = (page: import('@playwright/test').Page) => page.getByRole('searchbox', { name: 'Filter groups' });
const summary = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Summary' });

test('the filter box: free text, matchers, braces, and a clear message for a bad matcher', async ({ page, app }) => {
  // Every job open (301 groups would open on the job overview).
  await page.goto(`${app.url}?jobs=open`);
  await expect(summary(page).getByRole('button', { name: `${HOSTS + 1} groups` })).toBeVisible();
  // Virtualised: far fewer articles in the page than groups.
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(await page.getByRole('article').count()).toBeLessThan(60);

  await page.keyboard.press('/');
  await expect(filter(page)).toBeFocused();
  await page.keyboard.type('host-29');
  await expect(page.getByText(/Showing \d+ of 301 groups/)).toHaveText('Showing 11 of 301 groups.');

  await filter(page).fill('instance=~"host-1.."');
  await expect(page.getByText(/Showing/)).toHaveText('Showing 100 of 301 groups.');
  await filter(page).fill('{job="etl", region="eu"} host-1');
  // etl: i % 3 == 1; eu: i odd → i % 6 == 1; containing "host-1": 1, 13, 19, 103, 109, 115, 121, 127, 133, 139, 145, 151, 157, 163, 169, 175, 181, 187, 193, 199
  await expect(page.getByText(/Showing/)).toHaveText('Showing 20 of 301 groups.');
  await expect(article(page, '{job="etl", instance="host-13", region="eu"}')).toBeVisible();
  await filter(page).fill('special_metric');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(article(page, '{job="special", instance="only-one"}')).toBeVisible();

  await filter(page).fill('job=backup');
  await expect(page.getByText('the value for job needs quotes: job="backup"')).toBeVisible();
  await expect(filter(page)).toHaveAttribute('aria-invalid', 'true');
  await filter(page).fill('instance=~"("');
  await expect(page.getByText(/is not a valid regular expression/)).toBeVisible();

  await filter(page).press('Escape');
  await expect(filter(page)).toHaveValue('');
  await expect(page.getByText(/Showing/)).toHaveCount(0);
});

test('quick filters: states OR among themselves, AND with the text; the summary clears them', async ({ page, app }) => {
  await page.goto(app.url);
  const failed = page.getByRole('button', { name: 'Failed (1)' });
  await failed.click();
  await expect(failed).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(article(page, '{job="etl", instance="host-1", region="eu"}')).toContainText('Last push failed');
  // AND with the text filter: the failed group is not "special".
  await filter(page).fill('special');
  await expect(page.getByText('No group matches these filters')).toBeVisible();
  // OR among states: failed or fresh lets the fresh special group through.
  await page.getByRole('button', { name: /^Fresh/ }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(article(page, '{job="special", instance="only-one"}')).toBeVisible();
  await filter(page).fill('');
  await expect(page.getByText(/Showing/)).toHaveText('Showing 301 of 301 groups.');
  await page.getByRole('button', { name: /^Fresh/ }).click();
  await expect(page.getByText(/Showing/)).toHaveText('Showing 1 of 301 groups.');
  await failed.click();
  await expect(page.getByText(/Showing/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Options' }).click();
  await page.getByRole('combobox', { name: 'With family' }).selectOption({ label: 'backup_runs_total (100)' });
  await expect(page.getByText(/Showing/)).toHaveText('Showing 100 of 301 groups.');
  await summary(page).getByRole('button', { name: '301 groups' }).click();
  await openMenu(page, 'Options');
  await expect(page.getByRole('combobox', { name: 'With family' })).toHaveValue('');
});

test('sorting, and the whole view in the URL: reload, a shared link, and Back', async ({
  page,
  app,
  context,
  pushGroup,
}) => {
  await pushGroup({ job: 'zz_latest', instance: 'newest' }, 'm 1\n');
  await page.goto(app.url);
  await openMenu(page, 'Options');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Last push, newest first' });
  await expect(page.getByRole('article').first()).toHaveAccessibleName('{job="zz_latest", instance="newest"}');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Last push, oldest first' });
  await expect(page.getByRole('article').first()).not.toHaveAccessibleName('{job="zz_latest", instance="newest"}');

  await filter(page).fill('region="us"');
  // Typing reaches the address bar a frame after the list.
  await expect(page).toHaveURL(/[?&]q=region%3D%22us%22/);
  const group = article(page, '{job="backup", instance="host-12", region="us"}');
  await group.getByRole('button', { name: /1 family/ }).click();
  await expect(group.getByRole('region', { name: 'backup_runs_total' })).toBeVisible();
  const url = page.url();
  expect(url).toContain('sort=oldest');

  await page.reload();
  await expect(filter(page)).toHaveValue('region="us"');
  await openMenu(page, 'Options');
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('oldest');
  await expect(
    article(page, '{job="backup", instance="host-12", region="us"}').getByRole('region', { name: 'backup_runs_total' }),
  ).toBeVisible();

  const colleague = await context.newPage();
  await colleague.goto(url);
  await expect(colleague.getByRole('searchbox', { name: 'Filter groups' })).toHaveValue('region="us"');
  await expect(
    colleague
      .getByRole('article', { name: '{job="backup", instance="host-12", region="us"}', exact: true })
      .getByRole('region', { name: 'backup_runs_total' }),
  ).toBeVisible();

  // Back undoes the last discrete change (the expanded group), then the sort.
  await page.goBack();
  await expect(article(page, '{job="backup", instance="host-12", region="us"}').getByRole('region')).toHaveCount(0);
});

test('keyboard: j/k and arrows move between job rows and groups, Enter expands', async ({ page, app }) => {
  await page.goto(`${app.url}?jobs=open&jobsort=name`);
  await expect(page.getByRole('article').first()).toBeVisible();
  // The first row is backup's job row, then its groups.
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'job backup 100 groups' })).toBeFocused();
  await page.keyboard.press('j');
  const first = page
    .getByRole('article')
    .first()
    .getByRole('button', { name: /family/ });
  await expect(first).toBeFocused();
  for (let i = 0; i < 40; i++) await page.keyboard.press('j');
  const focusedName = () => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-label'));
  // Focus lands a frame or two after each key (the list may scroll first): wait for it to settle.
  let fortyFirst: string | null | undefined;
  await expect
    .poll(async () => {
      const before = await focusedName();
      await page.waitForTimeout(250);
      fortyFirst = await focusedName();
      return before === fortyFirst;
    })
    .toBe(true);
  expect(fortyFirst).toMatch(/^\{job="backup", instance="host-\d+", region="(eu|us)"\}$/);
  // Keys pressed before the last one's focus lands still count from where it is going.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect.poll(focusedName).toBe(fortyFirst);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('article', { name: fortyFirst!, exact: true }).getByRole('button', { name: /family/ }),
  ).toHaveAttribute('aria-expanded', 'true');
});
