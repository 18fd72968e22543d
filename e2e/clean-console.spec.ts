/**
 * Loading Pushboard makes no request that fails and logs no error or warning in the console, in
 * each of the three ways it is served: by the Pushboard server, as static files behind nginx
 * under a sub-path (deploy/nginx.conf), and by the gateway itself (--web.local-assets). Watched
 * for the whole browser context: failed requests, answers of 400 or more, console messages.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { prepareAssets } from '../scripts/gateway-assets.js';
import { article, expect, test } from './fixtures';
import { TestNginx } from './nginx';

/** Everything that went wrong in the context, as lines to compare with []. */
function watch(context: BrowserContext, page: Page): string[] {
  const trouble: string[] = [];
  context.on('requestfailed', (r) => trouble.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  context.on('response', (r) => r.status() >= 400 && trouble.push(`${r.status()}: ${r.url()}`));
  page.on(
    'console',
    (m) => ['error', 'warning'].includes(m.type()) && trouble.push(`console ${m.type()}: ${m.text()}`),
  );
  page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
  return trouble;
}

/**
 * Loads the app, visits the status page and back, opens it in a second tab of the same browser
 * (which joins the first one's poll, or its own stream), and waits a few polls.
 */
async function loadAndUse(page: Page, base: string) {
  // Every job's groups shown: above 50 groups the page opens on the job overview, folded.
  const url = new URL('?jobs=open', base).href;
  await page.goto(url);
  await expect(article(page, '{job="clean", instance="a"}')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click();
  await expect(page.getByRole('heading', { name: 'Gateway status' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  const second = await page.context().newPage();
  await second.goto(url);
  await expect(article(second, '{job="clean", instance="a"}')).toBeVisible();
  await second.close();
  // A few polls' worth (the fixture polls every 2 s).
  await page.waitForTimeout(5000);
}

test('served by the Pushboard server', async ({ page, app, pushGroup }) => {
  await pushGroup({ job: 'clean', instance: 'a' }, 'm 1\n');
  const trouble = watch(page.context(), page);
  await loadAndUse(page, app.url);
  expect(trouble).toEqual([]);
});

test('as static files behind nginx at /ui/, whose proxied API is gzipped', async ({ page, gateway, pushGroup }) => {
  await pushGroup({ job: 'clean', instance: 'a' }, 'm 1\n');
  // Enough groups for the answer to be worth compressing, as a real gateway's is.
  for (let i = 0; i < 100; i++) await pushGroup({ job: 'zz_bulk', instance: `host-${i}` }, 'm_total 1\nn 2\n');
  const nginx = await TestNginx.start(gateway.url);
  try {
    const trouble = watch(page.context(), page);
    await loadAndUse(page, new URL('ui/', nginx.url).href);
    expect(trouble).toEqual([]);

    // A poll's answer as the browser receives it: at most 15 % of its bytes go over the wire.
    const sizes = await page.evaluate(async () => {
      const url = new URL('../api/v1/metrics', document.baseURI).href;
      await (await fetch(url, { cache: 'no-store' })).text();
      const entry = performance.getEntriesByName(url).at(-1) as PerformanceResourceTiming;
      return { transferred: entry.transferSize, body: entry.decodedBodySize, encoded: entry.encodedBodySize };
    });
    expect(sizes.body).toBeGreaterThan(20_000);
    expect(sizes.encoded).toBeLessThan(sizes.body);
    expect(sizes.transferred).toBeLessThanOrEqual(0.15 * sizes.body);
  } finally {
    await nginx.stop();
  }
});

test.describe('served by the gateway itself', () => {
  const assets = mkdtempSync(path.join(tmpdir(), 'pushboard-assets-'));
  test.beforeAll(({ gatewayBuild }) => prepareAssets({ out: assets, from: gatewayBuild.assets, dist: 'dist' }));
  test.use({ gatewayOptions: { localAssets: assets } });

  test('at /static/pushboard/', async ({ page, gateway, pushGroup }) => {
    await pushGroup({ job: 'clean', instance: 'a' }, 'm 1\n');
    const trouble = watch(page.context(), page);
    await loadAndUse(page, new URL('static/pushboard/', gateway.url).href);
    expect(trouble).toEqual([]);
  });
});
