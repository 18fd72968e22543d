import { article, expect, openMenu, test } from './fixtures';

type Page = import('@playwright/test').Page;

/** Pushes `count` groups of `job` (16 at a time), each with one small family. */
async function pushMany(
  pushGroup: (l: Record<string, string>, b: string) => Promise<void>,
  job: string,
  count: number,
) {
  const pushes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    pushes.push(pushGroup({ job, instance: `${job}-${i}` }, `${job}_ok 1\n`));
    if (pushes.length >= 16) await Promise.all(pushes.splice(0));
  }
  await Promise.all(pushes);
}

const jobRow = (page: Page, job: string) => page.getByRole('button', { name: new RegExp(`^job ${job} \\d+ groups?$`) });

/** The articles whose whole box is inside the viewport. */
const fullyInView = (page: Page) =>
  page.getByRole('article').evaluateAll(
    (els) =>
      els.filter((e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      }).length,
  );

test('each job row counts its groups by state; collapse all and expand all survive a reload through the URL', async ({
  page,
  app,
  pushGroup,
  pushRefused,
}) => {
  await pushMany(pushGroup, 'backup', 3);
  await pushMany(pushGroup, 'etl', 2);
  // A failed push in etl: etl_ok as another TYPE.
  await pushRefused({ job: 'etl', instance: 'etl-1' }, '# TYPE etl_ok counter\netl_ok 2\n');
  await page.goto(app.url);
  // Few groups: every job opens. The job needing attention (a failed push) comes first.
  await expect(page.getByRole('article')).toHaveCount(5);
  const rows = page.locator('[data-job-row]');
  await expect(rows).toHaveText([/job etl 2 groups.*1 failed.*1 fresh/, /job backup 3 groups.*3 fresh/]);

  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(jobRow(page, 'etl')).toHaveAttribute('aria-expanded', 'false');
  expect(new URL(page.url()).searchParams.get('jobs')).toBe('closed');
  await page.reload();
  await expect(jobRow(page, 'backup')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('article')).toHaveCount(0);

  // One job opens in place; that too is in the URL.
  await jobRow(page, 'backup').click();
  await expect(page.getByRole('article')).toHaveCount(3);
  await page.reload();
  await expect(article(page, '{job="backup", instance="backup-2"}')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(3);

  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.getByRole('article')).toHaveCount(5);
  expect(new URL(page.url()).searchParams.get('jobs')).toBe('open');
  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(5);

  // The keyboard: - folds every job, + opens them, ← and → on a job row fold and open it.
  await page.keyboard.press('-');
  await expect(page.getByRole('article')).toHaveCount(0);
  await page.keyboard.press('+');
  await expect(page.getByRole('article')).toHaveCount(5);
  await jobRow(page, 'etl').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(jobRow(page, 'etl')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('article')).toHaveCount(3);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('article')).toHaveCount(5);
});

test.describe('at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('many groups open on the job overview; compact mode then shows at least 30 rows on the first screen', async ({
    page,
    app,
    pushGroup,
  }) => {
    test.setTimeout(90_000);
    await pushMany(pushGroup, 'backup', 45);
    await pushMany(pushGroup, 'etl', 15);
    await page.goto(app.url);
    // 60 groups: the overview, each job folded.
    await expect(jobRow(page, 'backup')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('article')).toHaveCount(0);

    await openMenu(page, 'Options');
    await page.getByRole('button', { name: 'Compact rows, one line a group' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(article(page, '{job="backup", instance="backup-0"}')).toBeVisible();
    expect(await fullyInView(page)).toBeGreaterThanOrEqual(30);
    // The toolbar stays one row: the list starts within the first 190 px (the page header included).
    const top = await page
      .locator('[data-job-row]')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(190);
    // Every quick filter is whole in that row: none cut off, none scrolled out of sight.
    const chips = page.getByRole('group', { name: 'Quick filters by state (any of them)' });
    const clipped = await chips.evaluate((group) => {
      const box = group.parentElement!.getBoundingClientRect();
      return [...group.querySelectorAll('button')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5;
        })
        .map((b) => b.textContent);
    });
    expect(clipped).toEqual([]);

    // Remembered in the URL and in the browser: a fresh visit without the URL's view is compact too.
    expect(new URL(page.url()).searchParams.get('view')).toBe('compact');
    await page.goto(`${app.url}?jobs=open`);
    await openMenu(page, 'Options');
    await expect(page.getByRole('button', { name: 'Compact rows, one line a group' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.keyboard.press('Escape');
    expect(await fullyInView(page)).toBeGreaterThanOrEqual(30);

    // A compact row's actions are reachable with the keyboard and named.
    const first = article(page, '{job="backup", instance="backup-0"}');
    await first.getByRole('button', { name: /^1 family/ }).focus();
    await page.keyboard.press('Tab');
    await expect(first.getByRole('button', { name: 'Delete group' })).toBeFocused();
    await expect(first.getByRole('button', { name: 'Delete group' })).toHaveCSS('opacity', '1');

    // The sticky job row: scrolled into backup's groups, its row is still on screen.
    await page.mouse.wheel(0, 500);
    await expect(async () => {
      const box = await page.locator('[data-job-row="backup"]').boundingBox();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect(box?.y ?? 999).toBeLessThan(5);
    }).toPass();
  });
});

test.describe('on a phone, 375 × 812', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the first group row is on the first screen, and bulk deletes wait in the Actions menu', async ({
    page,
    app,
    pushGroup,
  }) => {
    await pushMany(pushGroup, 'backup', 4);
    await page.goto(app.url);
    await expect(article(page, '{job="backup", instance="backup-0"}')).toBeInViewport();
    await expect(page.getByRole('button', { name: /Delete \d+ stale group/ })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Delete all groups' })).toBeHidden();
    await page.getByRole('button', { name: 'Actions' }).click();
    await expect(page.getByRole('button', { name: 'Delete all groups' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete 0 stale groups' })).toBeVisible();
  });
});
