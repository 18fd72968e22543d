import { defineConfig } from '@playwright/test';
import type { WorkerOptions } from './e2e/fixtures';
import { NEWER_ONLY, projectGrep, specFiles } from './e2e/split';

// Debian's Chromium: Playwright cannot download its own browser here. The flags keep it off the
// (closed) network; --no-sandbox is needed when running as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The two gateway builds users run: Debian bookworm's 1.5.1 and trixie's 1.11.0 (fetched by
// `bash scripts/setup.sh --test`). They share the work (e2e/split.ts): what the gateway build
// decides (exact pushes, deletes and restores, protobuf, its flags and errors: the specs in
// VERSION_SENSITIVE and tests tagged @both-gateways) runs on both; every other spec runs once, on
// the project a hash of its file name picks. Specs of what only newer gateways do (UTF-8 names)
// run on 1.11.0 alone. PUSHBOARD_E2E_EVERY_GATEWAY=1 runs everything on both.
const everyGateway = process.env.PUSHBOARD_E2E_EVERY_GATEWAY === '1';
const specs = specFiles('e2e');
const share = (project: 0 | 1) => (everyGateway ? {} : { grep: projectGrep(project, specs) });

export default defineConfig<WorkerOptions>({
  testDir: 'e2e',
  fullyParallel: true,
  // Two, one per core: a third worker was tried and, with other work on the machine, tests that
  // start the command line (a fresh Node and its compile) ran past their timeouts.
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
    // A failed test keeps its trace (actions, DOM snapshots, network, console) but not the screencast:
    // recording screenshots for every test, passed or not, cost 13 % of a 30-test run on two cores
    // (Chromium's browser and GPU processes encoding frames; less over the whole suite), for
    // pictures the DOM snapshots already show.
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'gateway-1.5.1', use: { gatewayVersion: '1.5.1' }, testIgnore: NEWER_ONLY, ...share(0) },
    { name: 'gateway-1.11.0', use: { gatewayVersion: '1.11.0' }, ...share(1) },
  ],
});
