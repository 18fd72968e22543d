import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareAssets } from '../scripts/gateway-assets.js';
import { article, expect, test } from './fixtures';
import { entryScript } from './harness';
import { TestNginx } from './nginx';
import { getEncoded, readUntilSnapshot } from './raw-http';
import type { Page } from '@playwright/test';

type Gateway = { groups: () => Promise<Array<{ labels: Record<string, string> }>> };

/** Browse, delete one group, and read the status page: the same for every way of serving. */
async function browseDeleteStatus(page: Page, appUrl: string, gateway: Gateway, version: string) {
  await page.goto(appUrl);
  await expect(article(page, '{job="embedded", instance="keep"}')).toBeVisible();
  await article(page, '{job="embedded", instance="drop"}').getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await gateway.groups()).map((g) => g.labels.instance)).toEqual(['keep']);
  await expect(article(page, '{job="embedded", instance="drop"}')).toHaveCount(0);
  await page.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByRole('region', { name: 'Build' })).toContainText(version);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Gateway status' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('behind nginx: the gateway at / and Pushboard at /ui/ on one origin (deploy/nginx.conf)', async ({
  page,
  gateway,
  gatewayBuild,
  pushGroup,
}) => {
  await pushGroup({ job: 'embedded', instance: 'keep' }, 'm 1\n');
  await pushGroup({ job: 'embedded', instance: 'drop' }, 'm 1\n');
  const nginx = await TestNginx.start(gateway.url);
  try {
    expect(await (await fetch(nginx.url)).text()).toContain('Prometheus Pushgateway');
    const bare = await fetch(new URL('ui', nginx.url), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    await browseDeleteStatus(page, new URL('ui/', nginx.url).href, gateway, gatewayBuild.version);
    // Scripts go out as the build's gzip copies (gzip_static), where nginx would send them plain.
    const index = await (await fetch(new URL('ui/', nginx.url))).text();
    const asset = entryScript(index);
    const script = await getEncoded(new URL(`ui/${asset}`, nginx.url), { 'Accept-Encoding': 'gzip' });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.body.equals(readFileSync(path.join('dist', `${asset}.gz`)))).toBe(true);
  } finally {
    await nginx.stop();
  }
});

test.describe('the Pushboard server behind nginx at /pushboard/ (deploy/nginx.conf)', () => {
  // A minute between the server's own polls: only the poll right after a change, streamed through
  // nginx as it comes (not when a buffer fills), can show it in the other tab in time.
  test.use({ appOptions: { routePrefix: '/pushboard', serverPollIntervalMs: 60_000 } });

  test('streams every change to every tab, compressed, as it comes', async ({
    browser,
    page,
    app,
    gateway,
    gatewayBuild,
    pushGroup,
  }) => {
    await pushGroup({ job: 'embedded', instance: 'keep' }, 'm 1\n');
    await pushGroup({ job: 'embedded', instance: 'drop' }, 'm 1\n');
    const nginx = await TestNginx.start(gateway.url, new URL(app.url).origin);
    const other = await browser.newPage();
    try {
      const bare = await fetch(new URL('pushboard', nginx.serverUrl), { redirect: 'manual' });
      expect(bare.status).toBe(301);
      const url = new URL('pushboard/', nginx.serverUrl).href;
      // The snapshot arrives while the stream stays open: nginx passes each event on at once.
      const headers = await readUntilSnapshot(new URL('-/pushboard/events', url));
      expect(headers.get('content-type')).toContain('text/event-stream');
      expect(headers.get('content-encoding')).toBe('gzip');

      await other.goto(url);
      await expect(article(other, '{job="embedded", instance="drop"}')).toBeVisible();
      await browseDeleteStatus(page, url, gateway, gatewayBuild.version);
      await expect(article(other, '{job="embedded", instance="drop"}')).toHaveCount(0);
      await expect(article(other, '{job="embedded", instance="keep"}')).toBeVisible();
    } finally {
      await other.close();
      await nginx.stop();
    }
  });
});

const assetsDir = () => mkdtempSync(path.join(tmpdir(), 'pushboard-assets-'));

test.describe('served by the gateway itself (--web.local-assets)', () => {
  const assets = assetsDir();
  test.beforeAll(({ gatewayBuild }) => prepareAssets({ out: assets, from: gatewayBuild.assets, dist: 'dist' }));
  test.use({ gatewayOptions: { localAssets: assets } });

  test('at /static/pushboard/, with a link from the gateway’s own page', async ({
    page,
    gateway,
    gatewayBuild,
    pushGroup,
  }) => {
    await pushGroup({ job: 'embedded', instance: 'keep' }, 'm 1\n');
    await pushGroup({ job: 'embedded', instance: 'drop' }, 'm 1\n');
    await page.goto(gateway.url);
    await page.getByRole('link', { name: 'Pushboard' }).click();
    await expect(page).toHaveURL(/\/static\/pushboard\/$/);
    await browseDeleteStatus(page, new URL('static/pushboard/', gateway.url).href, gateway, gatewayBuild.version);
  });
});

test.describe('served by a gateway with a route prefix', () => {
  const assets = assetsDir();
  test.beforeAll(({ gatewayBuild }) => prepareAssets({ out: assets, from: gatewayBuild.assets, dist: 'dist' }));
  test.use({ gatewayOptions: { localAssets: assets, routePrefix: '/pgw' } });

  test('finds the API two levels up, under the prefix', async ({ page, gateway, gatewayBuild, pushGroup }) => {
    await pushGroup({ job: 'embedded', instance: 'keep' }, 'm 1\n');
    await pushGroup({ job: 'embedded', instance: 'drop' }, 'm 1\n');
    await browseDeleteStatus(page, new URL('static/pushboard/', gateway.url).href, gateway, gatewayBuild.version);
  });
});
