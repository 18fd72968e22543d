/** Times in the reader's zone: the browser's by default, UTC on request, remembered, on every page. */
import { parseConfig } from '../server/config';
import { article, expect, test } from './fixtures';

const RULES = `prune:
  interval: 1s
  rules:
    - name: nothing-yet
      match: '{job="never-pushed"}'
      older_than: 1h
`;

test.use({
  timezoneId: 'Europe/Berlin',
  appOptions: { prune: parseConfig(RULES, 'pushboard.yml').prune, pruneDryRun: true },
});

test('times read in the browser’s zone (Europe/Berlin), and in UTC after switching, on every page', async ({
  page,
  app,
  pushGroup,
}) => {
  // 2026-11-24 18:40:00 UTC, 19:40 in Berlin (winter time, UTC+1).
  await pushGroup(
    { job: 'backup' },
    '# TYPE backup_last_success_timestamp_seconds gauge\nbackup_last_success_timestamp_seconds 1.7955456e+09\n',
  );
  await page.goto(app.url);
  const zone = page.getByRole('combobox', { name: 'Times in' });
  await expect(zone).toHaveValue('local');
  await expect(zone.locator('option:checked')).toHaveText('Local zone (Europe/Berlin)');

  // A timestamp gauge reads as a date in that zone, with its age; both zones on hover.
  const group = article(page, '{job="backup"}');
  await group.getByRole('button', { name: /1 family/ }).click();
  const family = group.getByRole('region', { name: 'backup_last_success_timestamp_seconds' });
  const berlin = family.getByRole('table').locator('time');
  await expect(berlin).toHaveText(/^2026-11-24 19:40:00 GMT\+1 \(\d+ d ago\)$/);
  await berlin.hover();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Europe/Berlin' })).toHaveText(
    '2026-11-24 19:40:00 GMT+1 (Europe/Berlin)\n2026-11-24 18:40:00 UTC',
  );

  await page.getByRole('link', { name: 'Status' }).click();
  const runtime = page.getByRole('region', { name: 'Runtime' });
  await expect(runtime).toContainText(/Started\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\+1/);
  await page.getByRole('link', { name: 'Rules' }).click();
  const lastRun = page.locator('p').filter({ hasText: 'Last run' });
  await expect(lastRun).toContainText(/Last run \d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\+1/);

  // Switched to UTC: every page follows at once, and the choice outlives a reload.
  await zone.selectOption('utc');
  await expect(lastRun).toContainText(/Last run \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(runtime).toContainText(/Started\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await page.reload();
  await expect(zone).toHaveValue('utc');
  await expect(runtime).toContainText(/Started\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await page.goto(app.url);
  await expect(zone).toHaveValue('utc');
  await group.getByRole('button', { name: /1 family/ }).click();
  await expect(family.getByRole('table').locator('time')).toHaveText(/^2026-11-24 18:40:00 UTC \(\d+ d ago\)$/);
  await family.getByRole('table').locator('time').hover();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Europe/Berlin' })).toHaveText(
    '2026-11-24 18:40:00 UTC\n2026-11-24 19:40:00 GMT+1 (Europe/Berlin)',
  );
});
