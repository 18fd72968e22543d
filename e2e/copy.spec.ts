import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { article, expect, test } from './fixtures';

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.beforeEach(async ({ context, app }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
});

test('copy a group’s selector, a series, and a delete command that deletes exactly that group @both-gateways', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  const labels = { job: 'backup', instance: 'db-1', path: "/var/it's" };
  await pushGroup(
    labels,
    '# TYPE m counter\nm{k="v"} 1\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 2\n',
  );
  await pushGroup({ job: 'backup', instance: 'db-2', path: "/var/it's" }, '# TYPE m counter\nm 1\n');
  await page.goto(app.url);
  const card = article(page, `{job="backup", instance="db-1", path="/var/it's"}`);
  await card.getByRole('button', { name: /families/ }).click();

  await card.getByRole('button', { name: 'Copy selector' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await clipboard(page)).toBe(`{job="backup", instance="db-1", path="/var/it's"}`);

  const counter = card.getByRole('region', { name: 'm', exact: true });
  await counter.getByRole('row', { name: /k="v"/ }).getByRole('button', { name: 'Copy series' }).click();
  expect(await clipboard(page)).toBe(`m{job="backup", instance="db-1", k="v", path="/var/it's"}`);
  await card.getByRole('region', { name: 'h' }).getByRole('button', { name: 'Copy series' }).click();
  expect(await clipboard(page)).toBe(`h_bucket{job="backup", instance="db-1", path="/var/it's"}`);

  await card.getByRole('button', { name: 'Copy delete command' }).click();
  const command = await clipboard(page);
  expect(command).toMatch(/^curl -X DELETE '.*\/metrics\/job@base64\/YmFja3Vw\/instance@base64\/ZGItMQ\/path@base64\//);
  // Run it as a person would paste it into a shell: only that group goes. (Not execFileSync: the
  // dashboard's server runs in this process and must stay free to answer curl.)
  await promisify(execFile)('sh', ['-c', `${command} --fail --silent --max-time 10`]);
  await expect.poll(async () => (await gateway.groups()).map((g) => g.labels.instance)).toEqual(['db-2']);
  await expect(card).toHaveCount(0);
});

test('the status page gives the scrape config for this gateway, with honor_labels', async ({ page, app, gateway }) => {
  await page.goto(`${app.url}#/status`);
  const region = page.getByRole('region', { name: 'Scrape config' });
  await expect(region.getByRole('code')).toContainText('honor_labels: true');
  await region.getByRole('button', { name: 'Copy scrape config' }).click();
  expect(await clipboard(page)).toBe(
    [
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    # Keep the job and instance labels the pushers set.',
      '    honor_labels: true',
      '    static_configs:',
      `      - targets: ["${new URL(gateway.url).host}"]`,
      '',
    ].join('\n'),
  );
});
