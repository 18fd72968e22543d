import { article, expect, test } from './fixtures';

const xss = '<img src=x onerror=window.__pwned=1>';
const rtl = 'مرحبا بالعالم';
const long = 'x'.repeat(10_000);

test('hostile HELP texts and label values render as inert text and break no layout', async ({
  page,
  app,
  pushGroup,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const help = `${xss} "} line\\nbreak ${rtl}`;
  await pushGroup(
    { job: 'evil', instance: xss, note: '"}\nnext', rtl, long },
    `# HELP evil_metric ${help}\nevil_metric{v="${xss}"} 1\n`,
  );
  await page.goto(app.url);

  const selector = `{job="evil", instance="${xss}", long="${long}", note="\\"}\\nnext", rtl="${rtl}"}`;
  const group = article(page, selector);
  await expect(group).toBeVisible();
  await group.getByRole('button', { name: /1 family/ }).click();
  const family = group.getByRole('region', { name: 'evil_metric' });
  await expect(family).toContainText(xss);
  await expect(family).toContainText(rtl);
  // On one line, truncated (the first), and whole in its tooltip on hover or focus.
  await expect(family.getByText(/line\s+break/).first()).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);

  // No horizontal page scroll: the 10 kB value is truncated inside its box.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await group.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(page.viewportSize()!.width);
});
