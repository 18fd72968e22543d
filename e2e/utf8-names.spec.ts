// Gateways 1.11+ only (see playwright.config.ts): --push.enable-utf8-names does not exist before.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { article, expect, test } from './fixtures';

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const labelSets = async (gateway: { groups: () => Promise<Array<{ labels: Record<string, string> }>> }) =>
  (await gateway.groups()).map((g) => g.labels).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test.describe('a gateway with --push.enable-utf8-names', () => {
  test.use({ gatewayOptions: { utf8Names: true } });

  test('a group labelled foo.bar: viewed, filtered, copied, deleted exactly, restored, deleted from sh', async ({
    page,
    context,
    app,
    gateway,
    pushGroup,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    const utf8 = { job: 'example', 'foo.bar': 'baz' };
    await pushGroup(utf8, '# HELP m Pushed to a UTF-8 grouping label.\n# TYPE m gauge\nm{"région"="eu"} 1\n');
    // Neighbours a wrong path would hit: the name with _ for the dot, and no label at all.
    await pushGroup({ job: 'example', foo_bar: 'baz' }, 'other 2\n');
    await pushGroup({ job: 'example' }, 'other 4\n');
    const all = await labelSets(gateway);
    expect(all).toContainEqual(utf8);

    await page.goto(app.url);
    await page.getByRole('searchbox', { name: 'Filter groups' }).fill('"foo.bar"="baz"');
    await expect(page.getByRole('article')).toHaveCount(1);
    const card = article(page, '{job="example", "foo.bar"="baz"}');
    await card.getByRole('button', { name: /famil/ }).click();
    await expect(card.getByRole('table', { name: 'Samples of m' })).toContainText('"région"="eu"');
    await card.getByRole('button', { name: 'Copy selector' }).click();
    expect(await clipboard(page)).toBe('{job="example", "foo.bar"="baz"}');

    // Delete exactly that group, then Undo brings it back as it was.
    await card.getByRole('button', { name: 'Delete group' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('{job="example", "foo.bar"="baz"}');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => labelSets(gateway)).toEqual(all.filter((l) => l !== all.find((x) => 'foo.bar' in x)));
    await page.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
    await expect.poll(() => labelSets(gateway)).toEqual(all);
    const restored = (await gateway.groups()).find((g) => 'foo.bar' in g.labels) as Record<string, unknown>;
    expect(restored.m).toMatchObject({ type: 'GAUGE', help: 'Pushed to a UTF-8 grouping label.' });
    expect((restored.m as { metrics: unknown[] }).metrics).toMatchObject([{ labels: { région: 'eu' }, value: '1' }]);

    // The copied delete command, pasted into a shell, deletes exactly that group.
    await card.getByRole('button', { name: 'Copy delete command' }).click();
    const command = await clipboard(page);
    expect(command).toContain('/U__foo_2e_bar@base64/');
    await promisify(execFile)('sh', ['-c', `${command} --fail --silent --max-time 10`]);
    await expect.poll(() => labelSets(gateway)).toEqual(all.filter((l) => !('foo.bar' in l)));

    await page.getByRole('link', { name: 'Status' }).click();
    await expect(page.getByRole('region', { name: 'Version' })).toContainText(
      'UTF-8 namesOn (--push.enable-utf8-names): grouping labels such as foo.bar are addressed as U__foo_2e_bar',
    );
  });
});
