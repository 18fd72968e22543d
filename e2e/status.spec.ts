import { expect, test } from './fixtures';

test('the status page shows version, start time, readiness and every flag', async ({ page, app, gatewayBuild }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page).toHaveURL(/#\/status$/);
  await expect(page.getByRole('heading', { name: 'Gateway status', level: 1 })).toBeVisible();

  const build = page.getByRole('region', { name: 'Build' });
  await expect(build.getByRole('definition').first()).toHaveText(gatewayBuild.version);
  const runtime = page.getByRole('region', { name: 'Runtime' });
  await expect(runtime).toContainText(/Started\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await expect(runtime).toContainText(/Uptime\s*\d+ s/);
  await expect(runtime).toContainText('Admin API: Enabled'.replace(': ', ''));
  await expect(runtime).toContainText(/Persistence\s*On: saved to .*pushgateway\.data every 30s/);
  await expect(page.getByRole('region', { name: 'Readiness' })).toContainText('Ready');

  const flags = page.getByRole('table', { name: 'Command-line flags of the gateway' });
  await expect(flags.getByRole('row', { name: /--web\.enable-admin-api\s*true/ })).toBeVisible();
  await expect(flags.getByRole('row', { name: /--web\.listen-address/ })).toContainText('127.0.0.1:');

  await page.getByRole('link', { name: 'Groups', exact: true }).click();
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

test('the status page counts fresh, stale and failed groups, each a way into the filtered list', async ({
  page,
  app,
  pushGroup,
  pushRefused,
}) => {
  await pushGroup({ job: 'nightly', instance: 'old' }, 'm 1\n');
  // Old enough for a 6 s threshold; the others then have 6 s before they age.
  await new Promise((r) => setTimeout(r, 7_000));
  await pushGroup({ job: 'cron', instance: 'ok-1' }, 'm 1\n');
  await pushGroup({ job: 'cron', instance: 'ok-2' }, 'm 1\n');
  await pushGroup({ job: 'etl', instance: 'broken' }, 'm 1\n');
  await pushRefused({ job: 'etl', instance: 'broken' }, '# TYPE m counter\nm 2\n');

  await page.goto(`${app.url}?stale=6s#/status`);
  const groups = page.getByRole('region', { name: 'Groups' });
  await expect(groups.getByRole('link')).toHaveText(['●2 fresh groups', '◷1 stale group', '✕1 failed push']);
  await expect(groups).toContainText('4 groups in 3 jobs. Stale means no successful push for over 6s');

  await groups.getByRole('link', { name: '1 failed push' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\?stale=6s&only=failed#\/$/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article')).toHaveAccessibleName('{job="etl", instance="broken"}');
  await expect(page.getByRole('button', { name: 'Failed (1)' })).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Groups' })).toBeVisible();
});

test('the status page says what Pushboard adapts to for this version, and warns of its traps', async ({
  page,
  app,
  gatewayBuild,
}) => {
  await page.goto(`${app.url}#/status`);
  const version = page.getByRole('region', { name: 'Version' });
  await expect(version).toContainText(`Pushgateway ${gatewayBuild.version}: what Pushboard adapts to for it.`);
  const traps = version.getByRole('listitem');
  if (gatewayBuild.newer) {
    await expect(version).toContainText('UTF-8 namesOff: grouping label names are limited to letters, digits and _');
    await expect(version).toContainText('Native histogramsShown with their buckets, float counts included');
    await expect(traps).toHaveText([/gets no answer at all \(the connection closes\) instead of 400/]);
  } else {
    await expect(version).toContainText('UTF-8 namesNot available: gateways before 1.11');
    await expect(version).toContainText('Native histogramsNot readable');
    await expect(traps).toHaveText([
      /invalid base64 in a job@base64 path leaves that path hanging for every later request until the gateway restarts/,
      /Float histograms pushed over protobuf are kept with counts of 0/,
    ]);
  }
});
