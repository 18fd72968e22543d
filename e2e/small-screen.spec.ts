import { article, expect, test } from './fixtures';

const horizontalOverflow = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('375 px wide', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  test('at 375 px wide the page never scrolls sideways; tables scroll inside their box', async ({
    page,
    app,
    pushGroup,
  }) => {
    const long = 'segment/'.repeat(40);
    await pushGroup(
      { job: 'narrow', instance: 'phone', path: long },
      `# HELP wide_metric ${'word '.repeat(80)}\nwide_metric{a="${'x'.repeat(300)}"} 1.23456789e+09\n`,
    );
    await page.goto(app.url);
    const group = article(page, `{job="narrow", instance="phone", path="${long}"}`);
    await expect(group).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await group.getByRole('button', { name: /1 family/ }).click();
    await expect(group.getByRole('region', { name: 'wide_metric' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Status' }).click();
    await expect(page.getByRole('table', { name: 'Command-line flags of the gateway' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

// A 1280 × 720 screen at 200% zoom lays out as 640 × 360 CSS pixels at 2 device pixels each.
test.describe('200% zoom', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });

  test('at 200% zoom nothing scrolls sideways and every action stays reachable', async ({ page, app, pushGroup }) => {
    for (const instance of ['db-1', 'db-2']) {
      await pushGroup({ job: 'backup', instance, path: '/var/lib/backup/' + 'x'.repeat(60) }, 'm{k="v"} 1\n');
    }
    await page.goto(app.url);
    await expect(page.getByRole('article')).toHaveCount(2);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    for (const name of ['Groups', 'Status', 'Keyboard shortcuts']) {
      const control = page.getByRole(name === 'Keyboard shortcuts' ? 'button' : 'link', { name, exact: true });
      await expect(control).toBeInViewport();
    }
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeInViewport();

    const card = page.getByRole('article').first();
    await card.getByRole('button', { name: /family/ }).click();
    await expect(card.getByRole('button', { name: 'Copy selector' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await card.getByRole('button', { name: 'Delete group' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete group' });
    await dialog.getByRole('button', { name: 'Delete' }).scrollIntoViewIfNeeded();
    await expect(dialog.getByRole('button', { name: 'Delete' })).toBeInViewport();
    await dialog.getByRole('button', { name: 'Cancel' }).scrollIntoViewIfNeeded();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('link', { name: 'Status' }).click();
    await expect(page.getByRole('region', { name: 'Scrape config' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
