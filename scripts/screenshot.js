#!/usr/bin/env node
// @ts-check
// Regenerates docs/screenshots/<view>-<theme>.png for every view in the light and dark themes, from
// `npm run scene` (about 300 groups on two real gateways, aged as their jobs' schedules say, a
// realistic 2h stale threshold, written expectations, a prune rule in dry run), a second scene
// with one gateway and a real Prometheus for the status page, and a bare gateway for the empty and
// unreachable states. Debian's Chromium. Run `npm run build` first (the scene starts the compiled
// server); `npm run screenshot` runs it through tsx (the scene's own code imports TypeScript).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createPushboard, createHttpServer } from '../server/app.ts';
import { startGateway } from '../server/local-gateway.ts';
import { startScene } from './scene.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const themes = /** @type {const} */ (['light', 'dark']);
const log = () => {};

/**
 * One page per theme, following the OS preference as a user's browser would.
 * @param {'light' | 'dark'} theme
 * @param {{ width: number; height: number }} [viewport]
 */
const open = (theme, viewport = { width: 1280, height: 800 }) =>
  browser.newPage({ viewport, colorScheme: theme, timezoneId: 'UTC', locale: 'en-US' });

/** @param {import('@playwright/test').Page} page @param {string} view @param {string} theme */
async function shoot(page, view, theme) {
  await page.waitForTimeout(400); // let transitions and fonts settle
  await page.screenshot({ path: path.join(out, `${view}-${theme}.png`) });
  console.log(`wrote docs/screenshots/${view}-${theme}.png`);
}

/** The messy scene: the job overview, compact rows, a histogram, a deletion, the rules, a phone. */
async function sceneViews() {
  const scene = await startScene({ port: 19280, log });
  try {
    // Long enough for the live jobs' rhythm to be learned and the prune rule to have run once.
    await new Promise((resolve) => setTimeout(resolve, 65_000));
    for (const theme of themes) {
      const page = await open(theme);
      await page.goto(scene.url);
      await page
        .getByRole('heading', { name: /backup/ })
        .first()
        .waitFor();
      await shoot(page, 'overview', theme);

      await page.goto(`${scene.url}?view=compact&jobs=open`);
      await page.getByRole('article').first().waitFor();
      await shoot(page, 'compact', theme);

      await page.goto(`${scene.url}?q=${encodeURIComponent('job="etl", instance="node-3", stage="extract"')}`);
      const group = page.getByRole('article').first();
      await group.getByRole('button', { name: /famil/ }).click();
      await group.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
      await shoot(page, 'group', theme);

      await page.evaluate(() => window.scrollTo(0, 0));
      await group.getByRole('button', { name: 'Delete group' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).waitFor();
      await shoot(page, 'delete-dialog', theme);
      await page.keyboard.press('Escape');

      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await shoot(page, 'shortcuts', theme);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Rules' }).click();
      await page.getByText('merged-branches').first().waitFor();
      await shoot(page, 'rules', theme);
      await page.close();

      const phone = await open(theme, { width: 375, height: 812 });
      await phone.goto(scene.url);
      await phone
        .getByRole('heading', { name: /backup/ })
        .first()
        .waitFor();
      await shoot(phone, 'phone', theme);
      await phone.close();
    }
  } finally {
    await scene.stop();
  }
}

/** The status page with a real Prometheus scraping the gateway. */
async function statusView() {
  const scene = await startScene({ port: 19280, oneGateway: true, prometheus: true, log });
  try {
    // Two scrapes, so Prometheus reports the target healthy.
    await new Promise((resolve) => setTimeout(resolve, 35_000));
    for (const theme of themes) {
      const page = await open(theme);
      await page.goto(scene.url);
      await page.getByRole('link', { name: 'Status' }).click();
      await page.getByRole('region', { name: 'Build' }).waitFor();
      await shoot(page, 'status', theme);
      await page.close();
    }
  } finally {
    await scene.stop();
  }
}

/** An empty gateway, then the same one stopped. */
async function emptyAndError() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-shot-'));
  const gateway = await startGateway({ listen: '127.0.0.1:19299', dataDir });
  // Through createHttpServer, whose close also stops the server's gateway reader (a worker thread).
  const server = createHttpServer(
    createPushboard({ gatewayUrl: gateway.url, distDir: path.join(root, 'dist'), log }),
  ).listen(19298, '127.0.0.1');
  const appUrl = 'http://127.0.0.1:19298/';
  try {
    for (const theme of themes) {
      const page = await open(theme);
      await page.goto(appUrl);
      await page.getByRole('heading', { name: 'This gateway holds no groups yet' }).waitFor();
      await shoot(page, 'empty', theme);
      await page.close();
    }
    await gateway.stop();
    for (const theme of themes) {
      const page = await open(theme);
      await page.goto(appUrl);
      await page.getByRole('alert').waitFor();
      await shoot(page, 'error', theme);
      await page.close();
    }
  } finally {
    server.close();
    await gateway.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  await sceneViews();
  await statusView();
  await emptyAndError();
} finally {
  await browser.close();
}
