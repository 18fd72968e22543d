#!/usr/bin/env node
// @ts-check
// Regenerates docs/screenshot.png and docs/status.png, light and dark (-dark): a real gateway loaded with `npm run demo`'s data, the built
// app in front of it, and Debian's Chromium. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createApp } from '../server/app.js';
import { startGateway } from '../server/local-gateway.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(root, 'docs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-shot-'));
const gateway = await startGateway({ listen: '127.0.0.1:19299', dataDir });
const server = createApp({ gatewayUrl: gateway.url, distDir: path.join(root, 'dist'), log: () => {} }).listen(
  19298,
  '127.0.0.1',
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'demo.js'), '--gateway', gateway.url.href], {
    stdio: 'ignore',
  });
  for (const theme of /** @type {const} */ (['light', 'dark'])) {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 1400 },
      colorScheme: theme,
      timezoneId: 'UTC',
    });
    const suffix = theme === 'light' ? '' : '-dark';
    await page.goto('http://127.0.0.1:19298/?stale=5s');
    const group = page.getByRole('article', { name: /job="etl".*path=/ }).first();
    await group.getByRole('button', { name: /famil/ }).click();
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(docs, `screenshot${suffix}.png`) });
    await page.getByRole('link', { name: 'Status' }).click();
    await page.getByRole('region', { name: 'Build' }).waitFor();
    await page.screenshot({ path: path.join(docs, `status${suffix}.png`) });
    await page.close();
    console.log(`wrote docs/screenshot${suffix}.png and docs/status${suffix}.png`);
  }
} finally {
  await browser.close();
  server.close();
  await gateway.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
