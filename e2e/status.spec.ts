import { expect, test } from './fixtures';

test('the status page shows version, start time, readiness and every flag', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page).toHaveURL(/#\/status$/);
  await expect(page.getByRole('heading', { name: 'Gateway status', level: 1 })).toBeVisible();

  const build = page.getByRole('region', { name: 'Build' });
  await expect(build.getByRole('definition').first()).toHaveText('1.5.1');
  const runtime = page.getByRole('region', { name: 'Runtime' });
  await expect(runtime).toContainText(/Started\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await expect(runtime).toContainText(/Uptime\s*\d+ s/);
  await expect(runtime).toContainText('Admin API: Enabled'.replace(': ', ''));
  await expect(runtime).toContainText(/Persistence\s*On: saved to .*pushgateway\.data every 30s/);
  await expect(page.getByRole('region', { name: 'Readiness' })).toContainText('Ready');

  const flags = page.getByRole('table', { name: 'Command-line flags of the gateway' });
  await expect(flags.getByRole('row', { name: /--web\.enable-admin-api\s*true/ })).toBeVisible();
  await expect(flags.getByRole('row', { name: /--web\.listen-address/ })).toContainText('127.0.0.1:');

  await page.getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: /^Groups/, level: 1 })).toBeVisible();
  // Deep link survives a reload.
  await page.goto(`${app.url}#/status`);
  await expect(page.getByRole('heading', { name: 'Gateway status' })).toBeVisible();
});

test.describe('a gateway without the admin API', () => {
  test.use({ gatewayOptions: { adminApi: false } });

  test('the status page says plainly that the admin API is off', async ({ page, app }) => {
    await page.goto(`${app.url}#/status`);
    await expect(page.getByRole('region', { name: 'Runtime' })).toContainText(
      'Disabled: wiping all groups is not possible (start the gateway with --web.enable-admin-api to allow it).',
    );
  });
});
