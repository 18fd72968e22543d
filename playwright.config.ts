import { defineConfig } from '@playwright/test';
import type { WorkerOptions } from './e2e/fixtures';

// Debian's Chromium: Playwright cannot download its own browser here. The flags keep it off the
// (closed) network; --no-sandbox is needed when running as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Specs of features only gateways 1.11+ have. */
const newerOnly = ['utf8-names.spec.ts'];

export default defineConfig<WorkerOptions>({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    timezoneId: 'UTC',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  // The whole suite against each gateway build users run: Debian bookworm's 1.5.1 and trixie's
  // 1.11.0 (fetched by `bash scripts/setup.sh --test`). Specs of what only newer gateways do
  // (UTF-8 names) run on 1.11.0 alone.
  projects: [
    { name: 'gateway-1.5.1', use: { gatewayVersion: '1.5.1' }, testIgnore: newerOnly },
    { name: 'gateway-1.11.0', use: { gatewayVersion: '1.11.0' } },
  ],
});
