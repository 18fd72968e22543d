#!/usr/bin/env node
// @ts-check
// Regenerates docs/screenshots/<view>-<theme>.png for every view in the light and dark themes:
// a real gateway loaded with `npm run demo`'s data, the built app in front of it, and Debian's
// Chromium. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createApp, createHttpServer } from '../server/app.js';
import { startGateway } from '../server/local-gateway.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-shot-'));
const gateway = await startGateway({ listen: '127.0.0.1:19299', dataDir });
// Through createHttpServer, whose close also stops the server's gateway reader (a worker thread).
const server = createHttpServer(
  createApp({ gatewayUrl: gateway.url, distDir: path.join(root, 'dist'), log: () => {} }),
).listen(19298, '127.0.0.1');
const appUrl = 'http://127.0.0.1:19298/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const themes = /** @type {const} */ (['light', 'dark']);

/**
 * One page per theme, following the OS preference as a user's browser would.
 * @param {'light' | 'dark'} theme
 * @param {{ width: number; height: number }} [viewport]
 */
const open = (theme, viewport = { width: 1280, height: 860 }) =>
  browser.newPage({ viewport, colorScheme: theme, timezoneId: 'UTC', locale: 'en-US' });

/** @param {import('@playwright/test').Page} page @param {string} view @param {string} theme */
async function shoot(page, view, theme) {
  await page.waitForTimeout(300); // let transitions and fonts settle
  await page.screenshot({ path: path.join(out, `${view}-${theme}.png`) });
  console.log(`wrote docs/screenshots/${view}-${theme}.png`);
}

try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'demo.js'), '--gateway', gateway.url.href], {
    stdio: 'ignore',
  });
  for (const theme of themes) {
    const page = await open(theme);
    await page.goto(`${appUrl}?stale=5s`);
    await page.getByRole('article').first().waitFor();
    await shoot(page, 'list', theme);

    const group = page.getByRole('article', { name: /job="etl".*path=/ }).first();
    await group.getByRole('button', { name: /famil/ }).click();
    await group.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
    await shoot(page, 'group', theme);

    await group.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('alertdialog').waitFor();
    await shoot(page, 'delete-dialog', theme);
    await page.keyboard.press('Escape');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shoot(page, 'shortcuts', theme);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Status' }).click();
    await page.getByRole('region', { name: 'Build' }).waitFor();
    await shoot(page, 'status', theme);
    await page.close();

    const phone = await open(theme, { width: 375, height: 760 });
    await phone.goto(`${appUrl}?stale=5s`);
    await phone.getByRole('article').first().waitFor();
    await shoot(phone, 'phone', theme);
    await phone.close();
  }

  const wipe = await fetch(new URL('api/v1/admin/wipe', gateway.url), { method: 'PUT' });
  if (!wipe.ok) throw new Error(`wipe: ${wipe.status}`);
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
  await browser.close();
  server.close();
  await gateway.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
