import { article, expect, test } from './fixtures';

test.use({ viewport: { width: 375, height: 800 } });

const horizontalOverflow = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

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
