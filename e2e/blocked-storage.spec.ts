import { article, expect, openMenu, test } from './fixtures';

test('where the browser blocks storage (as in a sandboxed iframe) the page still works', async ({
  page,
  app,
  pushGroup,
}) => {
  await pushGroup({ job: 'sandboxed' }, 'm 1\n');
  // What Chromium does in an iframe sandboxed without allow-same-origin: touching localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window'.", 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);

  await expect(article(page, '{job="sandboxed"}')).toBeVisible();
  // Settings still apply for the page's life.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await openMenu(page, 'Options');
  const threshold = page.getByRole('combobox', { name: 'Stale after' });
  await threshold.fill('5m');
  await threshold.press('Enter');
  await expect(page).toHaveURL(/[?&]stale=5m/);
  expect(errors).toEqual([]);
});
