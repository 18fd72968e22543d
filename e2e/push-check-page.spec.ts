/**
 * The Check a push page against a real gateway: reached from the status page, it says whether the
 * gateway would take a body, quotes its refusal as text, and pushes nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('Check a push: an accepted and a refused body, the refusal quoted as text, nothing pushed', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'other' }, '# TYPE shared gauge\nshared 1\n');
  const before = await gateway.groups();
  await page.goto(`${app.url}#/status`);
  await page.getByRole('link', { name: 'Check a push' }).click();
  await expect(page.getByRole('heading', { name: 'Check a push', level: 1 })).toBeVisible();

  await page.getByRole('textbox', { name: 'Job' }).fill('nightly');
  await page.getByRole('button', { name: 'Add a grouping label' }).click();
  await page.getByRole('textbox', { name: 'Label 1 name' }).fill('instance');
  await page.getByRole('textbox', { name: 'Label 1 value' }).fill('db/1');
  const body = page.getByRole('textbox', { name: 'Body (text format)' });
  await body.fill('# TYPE rows gauge\nrows 1\n');
  await page.getByRole('button', { name: 'Check' }).click();
  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict.getByRole('heading')).toHaveText(/^The gateway 1\.\d+\.\d+ would accept this push\.$/);

  // Another group holds `shared` as a gauge: the gateway refuses a counter.
  await body.fill('# TYPE shared counter\nshared 1\n');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(verdict.getByRole('heading')).toHaveText(/would refuse this push\.$/);
  await expect(verdict.getByRole('blockquote')).toContainText(
    'pushed metrics are invalid or inconsistent with existing metrics: collected metric "shared"',
  );
  await expect(verdict.getByRole('blockquote')).toContainText('is not a GAUGE');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The gateway's words carry the pushed label value: markup in it is shown as text.
  const hostile = '<img src=x onerror="document.title=1">';
  await body.fill(`m{l="${hostile.replace(/"/g, '\\"')}"} 1\nm{l="${hostile.replace(/"/g, '\\"')}"} 2\n`);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(verdict.getByRole('blockquote')).toContainText(
    'was collected before with the same name and label values',
  );
  await expect(verdict.getByRole('blockquote')).toContainText('onerror=\\"document.title=1\\"');
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page).not.toHaveTitle('1');

  // Nothing was pushed: the gateway holds what it held.
  expect(await gateway.groups()).toEqual(before);
});
