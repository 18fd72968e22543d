import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { article, expect, openMenu, test } from './fixtures';

/** Serious and critical accessibility violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const counter = '# HELP m Help.\n# TYPE m counter\nm{k="v"} 1\n';
const histogram = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 2\n';
const summary = '# TYPE s summary\ns{quantile="0.5"} 1\ns_sum 3\ns_count 4\n';

// axe takes seconds per view on a 2-core machine.
test.describe.configure({ timeout: 60_000 });

// Every view, in each theme. The theme is left on "System" and the OS preference is emulated,
// so this also checks that Pushboard follows the operating system.
for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`the list, stale and failed groups, and expanded groups pass axe (${theme})`, async ({
      page,
      app,
      pushGroup,
      pushRefused,
    }) => {
      await pushGroup({ job: 'backup', instance: 'db-1', path: '/var/x' }, counter);
      await pushGroup({ job: 'etl' }, histogram + summary);
      // A failed push: m with another TYPE than in the backup group.
      await pushRefused({ job: 'etl' }, '# TYPE m gauge\nm 1\n');
      await page.goto(`${app.url}?stale=1s`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('article')).toHaveCount(2);
      await expect(article(page, '{job="etl"}')).toContainText('Last push failed');
      await expect(article(page, '{job="etl"}')).toContainText('Stale');
      expect(await violations(page)).toEqual([]);

      for (const selector of ['{job="backup", instance="db-1", path="/var/x"}', '{job="etl"}']) {
        await article(page, selector).getByRole('button', { name: /famil/ }).click();
      }
      await expect(article(page, '{job="etl"}').getByRole('region', { name: 'h', exact: true })).toBeVisible();
      await article(page, '{job="etl"}').getByRole('button', { name: 'Copy selector' }).click();
      await expect(
        article(page, '{job="etl"}')
          .getByRole('status')
          .filter({ hasText: /^(Copied|Copy failed.*)$/ }),
      ).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test(`the delete, wipe and shortcuts dialogs and the undo notice pass axe (${theme})`, async ({
      page,
      app,
      pushGroup,
    }) => {
      await pushGroup({ job: 'backup', instance: 'db-1' }, counter);
      await pushGroup({ job: 'etl' }, counter);
      await page.goto(app.url);
      await expect(page.getByRole('article')).toHaveCount(2);

      await article(page, '{job="etl"}').getByRole('button', { name: 'Delete group' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Delete group' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await openMenu(page, 'Actions');
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Delete all groups' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await article(page, '{job="etl"}').getByRole('button', { name: 'Delete group' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test(`the status page passes axe (${theme})`, async ({ page, app, gatewayBuild, pushGroup, pushRefused }) => {
      await pushGroup({ job: 'backup' }, counter);
      await pushGroup({ job: 'etl' }, summary);
      await pushRefused({ job: 'etl' }, '# TYPE m gauge\nm 1\n');
      await page.goto(`${app.url}#/status`);
      await expect(page.getByRole('region', { name: 'Build' })).toContainText(gatewayBuild.version);
      await expect(page.getByRole('region', { name: 'Scrape config' })).toContainText('honor_labels: true');
      await expect(page.getByRole('region', { name: 'Groups' })).toContainText('1 failed push');
      expect(await violations(page)).toEqual([]);
    });

    test(`the empty gateway and the error state pass axe (${theme})`, async ({ page, app, gateway }) => {
      await page.goto(app.url);
      await expect(page.getByRole('heading', { name: 'This gateway holds no groups yet' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await gateway.stop();
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test('the theme follows the OS until chosen, and the choice survives a reload', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url);
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(theme).toHaveValue('dark');

  await theme.selectOption('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(theme).toHaveValue('light');
});
