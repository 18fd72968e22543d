/**
 * Without the Pushboard server (here: served by the gateway from --web.local-assets), the tabs of
 * one origin in one browser share one poll of the gateway (src/data/shared/). A proxy in front
 * of the real gateway counts its reads of /api/v1/metrics; every tab here is in ONE browser
 * context, as tabs of one browser window are.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { prepareAssets } from '../scripts/gateway-assets.js';
import { article, expect, test } from './fixtures';
import { PacingProxy } from './pacing-proxy';

const assets = mkdtempSync(path.join(tmpdir(), 'pushboard-assets-'));
test.beforeAll(({ gatewayBuild }) => prepareAssets({ out: assets, from: gatewayBuild.assets, dist: 'dist' }));
test.use({ gatewayOptions: { localAssets: assets } });

let proxy: PacingProxy;
test.beforeEach(async ({ gateway }) => {
  proxy = await PacingProxy.start(gateway.url);
});
test.afterEach(() => proxy.stop());

const appUrl = () => new URL('static/pushboard/', proxy.url).href;

/** A tab of the context polling every 2 s (set before the app's first script runs). */
async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('pushboard.pollIntervalMs', '2000'));
  await page.goto(appUrl());
  return page;
}

/** How many reads of /api/v1/metrics reach the gateway in `ms`, from all the tabs. */
async function readsIn(page: Page, ms: number): Promise<number> {
  const since = Date.now();
  await page.waitForTimeout(ms);
  return proxy.readsSince(since).length;
}

const inEffect = (page: Page) => page.getByRole('status', { name: 'Interval in effect' });

test('tabs of one browser share one poll, and closing the first hands over with no gap', async ({
  browser,
  pushGroup,
}) => {
  test.setTimeout(90_000);
  await pushGroup({ job: 'shared', instance: 'a' }, 'm 1\n');
  const context = await browser.newContext();
  try {
    const first = await openTab(context);
    await expect(article(first, '{job="shared", instance="a"}')).toBeVisible();
    const [second, third] = [await openTab(context), await openTab(context)];
    for (const tab of [second, third]) await expect(article(tab, '{job="shared", instance="a"}')).toBeVisible();
    for (const tab of [first, second, third]) await expect(inEffect(tab)).toContainText('shared by 3 tabs');

    // Three tabs at 2 s each would read about 15 times in 10 s; one shared poll reads about 5.
    const shared = await readsIn(first, 10_000);
    expect(shared).toBeGreaterThanOrEqual(3);
    expect(shared).toBeLessThanOrEqual(6);

    // The first tab (the one whose page started the shared poll) closes: the others keep updating.
    await first.close();
    for (const tab of [second, third]) await expect(inEffect(tab)).toContainText('shared by 2 tabs');
    await pushGroup({ job: 'shared', instance: 'b' }, 'm 1\n');
    for (const tab of [second, third]) await expect(article(tab, '{job="shared", instance="b"}')).toBeVisible();
    const after = await readsIn(second, 10_000);
    expect(after).toBeGreaterThanOrEqual(3);
    expect(after).toBeLessThanOrEqual(6);

    await third.close();
    await expect(inEffect(second)).toHaveCount(0);
    await pushGroup({ job: 'shared', instance: 'c' }, 'm 1\n');
    await expect(article(second, '{job="shared", instance="c"}')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a new tab shows the groups the shared poll holds without reading the gateway', async ({ browser, pushGroup }) => {
  await pushGroup({ job: 'held', instance: 'a' }, 'm 1\n');
  const context = await browser.newContext();
  try {
    const first = await openTab(context);
    await expect(article(first, '{job="held", instance="a"}')).toBeVisible();
    await first.getByRole('combobox', { name: 'Refresh every' }).selectOption({ label: '1 min' });
    await expect(inEffect(first)).toHaveCount(0);
    const since = Date.now();
    const second = await context.newPage();
    await second.goto(appUrl());
    await expect(article(second, '{job="held", instance="a"}')).toBeVisible();
    expect(proxy.readsSince(since)).toHaveLength(0);
    await expect(inEffect(second)).toHaveText('Polling every 1 min: shared by 2 tabs');
  } finally {
    await context.close();
  }
});

test('without SharedWorker, each tab polls the gateway itself, as before', async ({ browser, pushGroup }) => {
  await pushGroup({ job: 'alone', instance: 'a' }, 'm 1\n');
  const context = await browser.newContext();
  await context.addInitScript(() => delete (window as { SharedWorker?: unknown }).SharedWorker);
  try {
    const [first, second] = [await openTab(context), await openTab(context)];
    for (const tab of [first, second]) await expect(article(tab, '{job="alone", instance="a"}')).toBeVisible();
    await expect(inEffect(first)).toHaveCount(0);
    // Each tab's own worker reads the gateway (its requests are the tab's).
    const asked = new Map<Page, number>();
    for (const tab of [first, second]) {
      tab.on('request', (r) => r.url().endsWith('/api/v1/metrics') && asked.set(tab, (asked.get(tab) ?? 0) + 1));
    }
    await expect.poll(() => asked.get(first) ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => asked.get(second) ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  } finally {
    await context.close();
  }
});
