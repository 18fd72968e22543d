import { readFileSync } from 'node:fs';
import { article, expect, openMenu, push, test } from './fixtures';

test('wipe: only after typing the number of groups, with a download of everything first', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'w', instance: '1' }, '# HELP m Help text.\n# TYPE m gauge\nm{k="v"} 1.5\n');
  await pushGroup({ job: 'w', instance: '2', path: '/x/y' }, 'other 2\n');
  await pushGroup({ job: 'v' }, 'n 3\n');
  await page.goto(app.url);
  await openMenu(page, 'Actions');
  await page.getByRole('button', { name: 'Delete all groups' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete all groups' });
  await expect(dialog).toContainText('cannot be undone');
  const confirm = dialog.getByRole('button', { name: 'Delete all groups' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type 3 to confirm' }).fill('2');
  await expect(confirm).toBeDisabled();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download everything first' }).click();
  const file = readFileSync(await (await downloading).path(), 'utf8');
  expect(file).toContain('# Group {job="w", instance="1"}');
  expect(file).toContain('# HELP m Help text.\n# TYPE m gauge\nm{k="v"} 1.5\n');
  expect(file).toContain('# Group {job="w", instance="2", path="/x/y"}');
  expect(file).toContain('# Group {job="v"}');

  // Each section of the backup is a valid push body for its group.
  const section = file.split('\n\n').find((s) => s.includes('{job="w", instance="1"}'))!;
  expect((await push(gateway.url, { job: 'w', instance: '1' }, section.replace(/^#.*\n/gm, ''))).status).toBe(200);

  await dialog.getByRole('textbox', { name: 'Type 3 to confirm' }).fill('3');
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: 'Wipe requested' })).toBeVisible();
  await expect.poll(async () => (await gateway.groups()).length).toBe(0);
  await expect(page.getByRole('heading', { name: 'This gateway holds no groups yet' })).toBeVisible();
  // The dialog went with the emptied list: the page is not left paused, and shows the next push.
  await pushGroup({ job: 'after-wipe' }, 'n 4\n');
  await expect(article(page, '{job="after-wipe"}')).toBeVisible();
});

test.describe('without the admin API', () => {
  test.use({ gatewayOptions: { adminApi: false } });
  test('no wipe is offered', async ({ page, app, pushGroup }) => {
    await pushGroup({ job: 'a' }, 'm 1\n');
    await page.goto(app.url);
    await expect(article(page, '{job="a"}')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete group' })).toBeVisible();
    await openMenu(page, 'Actions');
    await expect(page.getByRole('button', { name: /stale group/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete all groups' })).toHaveCount(0);
  });
});

test.describe('read-only mode', () => {
  test.use({ appOptions: { readOnly: true } });
  test('hides every destructive action, and the server refuses changes', async ({ page, app, gateway, pushGroup }) => {
    await pushGroup({ job: 'shown' }, 'm 1\n');
    await page.goto(app.url);
    await expect(article(page, '{job="shown"}')).toBeVisible();
    await expect(page.getByRole('button', { name: /Delete/ })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    const refused = await fetch(new URL('metrics/job/shown', app.url), { method: 'DELETE' });
    expect(refused.status).toBe(403);
    expect(await gateway.groups()).toHaveLength(1);
  });
});
