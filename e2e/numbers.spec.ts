/**
 * One number format: every count on the groups page in the reader's locale, through one
 * formatter; and the filter's placeholder shown whole at 1280 and 375 px.
 */
import type { Page } from '@playwright/test';
import { article, expect, test } from './fixtures';

test.describe('in a locale with its own digits (ar-EG)', () => {
  test.use({ locale: 'ar-EG' });

  test('every count is written in it, the summary, the filters and "Showing N of M"', async ({
    page,
    app,
    pushGroup,
  }) => {
    for (const instance of ['a', 'b', 'c']) await pushGroup({ job: 'digits', instance }, 'm 1\n');
    await page.goto(app.url);
    await expect(article(page, '{job="digits", instance="a"}')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Failed (٠)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stale (٠)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Fresh (٣)' })).toHaveText(/Fresh\s*٣/);
    await page.getByRole('searchbox', { name: 'Filter groups' }).fill('instance="b"');
    await expect(page.getByText(/Showing/)).toHaveText('Showing ١ of ٣ groups.');
    // No count is left in Western digits.
    await expect(page.getByRole('main')).not.toContainText(/\b[0-9]+ (groups?|jobs?|hidden)\b/);
  });
});

/** Whether the filter box's placeholder fits inside it, measured with the box's own font. */
const placeholderFits = (page: Page) =>
  page.getByRole('searchbox', { name: 'Filter groups' }).evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: input.placeholder, width: context.measureText(input.placeholder).width, room };
  });

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('the filter’s placeholder is shown whole', async ({ page, app, pushGroup }) => {
      await pushGroup({ job: 'wide', instance: 'a' }, 'm 1\n');
      await page.goto(app.url);
      await expect(article(page, '{job="wide", instance="a"}')).toBeVisible();
      const fit = await placeholderFits(page);
      expect(fit.text).toContain('Filter');
      expect(fit.width, JSON.stringify(fit)).toBeLessThanOrEqual(fit.room);
    });
  });
}
