import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { article, expect, test } from './fixtures';

/** Serious and critical accessibility violations on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('every view passes axe: list, expanded group, dialogs, status', async ({ page, app, pushGroup, gateway }) => {
  const { push } = await import('./fixtures');
  await pushGroup(
    { job: 'backup', instance: 'db-1', path: '/var/x' },
    '# HELP m Help.\n# TYPE m counter\nm{k="v"} 1\n',
  );
  await pushGroup(
    { job: 'etl' },
    '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 2\n',
  );
  await push(gateway.url, { job: 'etl' }, '# TYPE m gauge\nm 1\n');
  await page.goto(`${app.url}?stale=1s`);
  await expect(page.getByRole('article')).toHaveCount(2);
  expect(await violations(page)).toEqual([]);

  await article(page, '{job="backup", instance="db-1", path="/var/x"}')
    .getByRole('button', { name: /family/ })
    .click();
  await article(page, '{job="etl"}')
    .getByRole('button', { name: /family/ })
    .click();
  expect(await violations(page)).toEqual([]);

  await article(page, '{job="etl"}').getByRole('button', { name: 'Delete group' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Delete all groups' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByRole('region', { name: 'Build' })).toContainText('1.5.1');
  expect(await violations(page)).toEqual([]);
});

test('the empty gateway and the error state pass axe', async ({ page, app, gateway }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'This gateway holds no groups yet' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await gateway.stop();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the dark theme passes axe too, and the choice survives a reload', async ({ page, app, pushGroup, gateway }) => {
  const { push } = await import('./fixtures');
  await pushGroup({ job: 'backup', instance: 'db-1' }, '# HELP m Help.\n# TYPE m counter\nm{k="v"} 1\n');
  await pushGroup({ job: 'etl' }, 'n 1\n');
  await push(gateway.url, { job: 'etl' }, '# TYPE m gauge\nm 1\n');
  await page.goto(`${app.url}?stale=1s`);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.getByRole('article')).toHaveCount(2);
  await article(page, '{job="backup", instance="db-1"}')
    .getByRole('button', { name: /family/ })
    .click();
  expect(await violations(page)).toEqual([]);
  await article(page, '{job="etl"}').getByRole('button', { name: 'Delete group' }).click();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByRole('region', { name: 'Build' })).toContainText('1.5.1');
  expect(await violations(page)).toEqual([]);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
