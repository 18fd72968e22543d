#!/usr/bin/env node
// @ts-check
// `npm run bench`: Pushboard at 10,000 groups in headless Chromium against a real gateway, each
// figure measured in the same run against (i) the gateway's own page and (ii) a bare fetch +
// JSON.parse of /api/v1/metrics in the same browser. Prints a table; never a pass/fail test.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createApp } from '../server/app.js';
import { startGateway } from '../server/local-gateway.js';
import { ensureFixture } from './bench-fixture.js';
import { measureFilter, measureFirstGroups, measurePolls, measureRawFetch } from './bench-page.js';
import { measureViewers } from './bench-viewers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    groups: { type: 'string', default: '10000' },
    out: { type: 'string' },
    // all, page (the one-tab figures) or viewers (several tabs on one server, bench-viewers.js)
    part: { type: 'string', default: 'all' },
    // the viewers part's 5-viewer phase, in seconds (each 1-viewer phase is half of it)
    duration: { type: 'string', default: '60' },
  },
});
const groups = Number(values.groups);
const part = values.part ?? 'all';
if (!['all', 'page', 'viewers'].includes(part)) throw new Error(`--part ${part}: all, page or viewers`);
/** The server's poll interval in both parts: the default, as the app ships. */
const INTERVAL_MS = 5000;
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const log = (/** @type {string} */ line) => console.error(line);
const PAIRS = 7;

const fixture = await ensureFixture({ dir: path.join(root, '.data', 'bench'), groups, port: 19391, log });
const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-'));
copyFileSync(fixture, path.join(dataDir, 'pushgateway.data'));
const gateway = await startGateway({ listen: '127.0.0.1:19392', dataDir });
// The page part's server runs in this process, in stream mode as the app ships: it holds the
// gateway's state and the page follows its event stream.
const served = createApp({ gatewayUrl: gateway.url, distDir: path.join(root, 'dist'), log: () => {} });
let serverPolls = 0;
served.state.on('poll', () => serverPolls++);
const server = served.listen(19393, '127.0.0.1');
const app = 'http://127.0.0.1:19393/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** @type {Array<[string, string, string, boolean]>} */
const rows = [];
try {
  const body = await (await fetch(new URL('api/v1/metrics', gateway.url))).text();
  const bodyBytes = Buffer.byteLength(body);
  log(`bench: ${JSON.parse(body).data.length} groups, body ${(bodyBytes / 1e6).toFixed(1)} MB`);

  if (part !== 'viewers') await pagePart(bodyBytes);
  if (part !== 'page') {
    const durationMs = Number(values.duration) * 1000;
    rows.push(
      ...(await measureViewers({
        browser,
        root,
        gatewayUrl: gateway.url,
        bodyBytes,
        port: 19394,
        durationMs,
        intervalMs: INTERVAL_MS,
        viewers: 5,
        pairs: 5,
        log,
      })),
    );
  }

  const table = [
    `Benchmark at ${groups.toLocaleString('en-US')} groups (${(bodyBytes / 1e6).toFixed(1)} MB response), ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| figure | measured | target | met |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([what, got, target, ok]) =>
        `| ${what} | ${got} | ${target} | ${target === 'baseline' ? '' : ok ? 'yes' : 'NO'} |`,
    ),
  ].join('\n');
  console.log(table);
  if (values.out) writeFileSync(values.out, `${table}\n`);
} finally {
  await browser.close();
  server.close();
  await gateway.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The one-tab figures, each against the baselines (i) and (ii). @param {number} bodyBytes */
async function pagePart(bodyBytes) {
  // One unmeasured fetch first: the gateway's first answer after start-up is slower than the rest.
  await measureRawFetch(browser, app);
  const own = [];
  for (let i = 0; i < 2; i++) {
    const page = await browser.newPage();
    const t0 = Date.now();
    await page.goto(gateway.url.href, { waitUntil: 'load', timeout: 120_000 });
    own.push(Date.now() - t0);
    await page.close();
  }
  const ownMs = median(own);

  // (ii) and first groups in pairs, in alternating order, each ratio within its pair: the
  // machine's drift over the run (it is shared with the gateway) then moves both sides alike.
  const raw = [];
  const first = [];
  const ratios = [];
  /** @type {{ heapBytes: number }} */
  let loaded = { heapBytes: NaN };
  for (let i = 0; i < PAIRS; i++) {
    const rawFirst = i % 2 === 0;
    const r1 = rawFirst ? await measureRawFetch(browser, app) : NaN;
    const result = await measureFirstGroups(browser, app);
    const r = rawFirst ? r1 : await measureRawFetch(browser, app);
    raw.push(r);
    first.push(result.ms);
    ratios.push(result.ms / r);
    loaded = result;
  }
  const rawMs = median(raw);
  const firstMs = median(first);
  const firstRatio = median(ratios);
  const polls = await measurePolls(browser, app, { cycleMs: INTERVAL_MS, polls: () => serverPolls });
  const filter = await measureFilter(browser, app);
  log(`bench: filter keystrokes ${filter.times.map((t) => Math.round(t)).join(', ')} ms`);
  log(
    `bench: first groups ${first.map((t) => Math.round(t)).join(', ')} ms; raw ${raw.map((t) => Math.round(t)).join(', ')} ms; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}`,
  );

  const js = readdirSync(path.join(root, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
  const gzBytes = js.reduce((n, f) => n + gzipSync(readFileSync(path.join(root, 'dist', 'assets', f))).length, 0);

  const ms = (/** @type {number} */ x) => `${Math.round(x)} ms`;
  rows.push(['(ii) bare fetch + JSON.parse of /api/v1/metrics', `${ms(rawMs)} (median of ${PAIRS})`, 'baseline', true]);
  rows.push(["(i) the gateway's own page, load", ms(ownMs), 'baseline', true]);
  rows.push([
    'first groups visible',
    `${ms(firstMs)}; ${firstRatio.toFixed(2)} × (ii) (median of ${PAIRS} pairs), (i) / ${(ownMs / firstMs).toFixed(1)}`,
    '≤ 1.5 × (ii) and ≥ 5 × faster than (i)',
    firstRatio <= 1.5 && ownMs >= 5 * firstMs,
  ]);
  rows.push([
    'poll cycle, unchanged data: main-thread long tasks',
    `${ms(polls.worstCycleMs)} worst of ${polls.cycles} polls`,
    '< 50 ms',
    polls.worstCycleMs < 50,
  ]);
  rows.push([
    'typing in the filter: results updated',
    `${ms(filter.worstMs)} worst of ${filter.keys} keys`,
    '≤ 100 ms',
    filter.worstMs <= 100,
  ]);
  rows.push([
    'JS heap after load (page)',
    `${(loaded.heapBytes / 1e6).toFixed(1)} MB = ${(loaded.heapBytes / bodyBytes).toFixed(2)} × the response`,
    '≤ 4 × the response',
    loaded.heapBytes <= 4 * bodyBytes,
  ]);
  rows.push(['built JavaScript, gzipped', `${(gzBytes / 1024).toFixed(1)} kB`, '< 150 kB', gzBytes < 150 * 1024]);
}
