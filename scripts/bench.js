#!/usr/bin/env node
// @ts-check
// `npm run bench`: Pushboard at 10,000 groups in headless Chromium against a real gateway, each
// figure measured in the same run against (i) the gateway's own page and (ii) a bare fetch +
// JSON.parse of /api/v1/metrics in the same browser. Prints a table; never a pass/fail test.
// `--gateways N` spreads the groups over N gateways (distinct groups, groups/N each) that one
// server follows as one model; (i) and (ii) then cover all N.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createPushboard, createHttpServer } from '../server/app.ts';
import { startBenchGateways } from './bench-gateways.js';
import {
  measureCompactScroll,
  measureFilter,
  measureFirstGroups,
  measureLoadedHeap,
  measurePolls,
  measureRawFetch,
} from './bench-page.js';
import { measureHistoryMemory, measureIdleFirstTab } from './bench-history.js';
import { measureCompression } from './bench-compression.js';
import { measureSoak } from './bench-soak.js';
import { measureStartup } from './bench-startup.js';
import { measureViewers } from './bench-viewers.js';
import { ensureFixture } from './bench-fixture.js';
import { measureTabs } from './bench-tabs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  // --no-history: Node 20.16+ reads a --no- prefix only when asked to.
  allowNegative: true,
  options: {
    groups: { type: 'string', default: '10000' },
    out: { type: 'string' },
    // all, page (the one-tab figures), viewers (several tabs on one server, bench-viewers.js),
    // soak (a few minutes of load with stalled streams, bench-soak.js; one gateway only) or
    // tabs (several tabs of one browser sharing one poll, served by the gateway, bench-tabs.js)
    part: { type: 'string', default: 'all' },
    // the viewers part's 5-viewer phase, in seconds (each 1-viewer phase is half of it)
    duration: { type: 'string', default: '60' },
    // how many gateways hold the groups, groups/N each
    gateways: { type: 'string', default: '1' },
    // the push history's figures (bench-history.js); --no-history leaves them out
    history: { type: 'boolean', default: true },
    // the soak part (bench-soak.js): each phase's length in seconds, and its stalled streams
    'soak-phase': { type: 'string', default: '75' },
    stalled: { type: 'string', default: '0,300,1000' },
    // every port moved by this much (19391–19396 and 19401 on by default)
    'port-offset': { type: 'string', default: '0' },
  },
});
const groups = Number(values.groups);
const portOffset = Number(values['port-offset']);
const count = Number(values.gateways);
const multi = count > 1;
const part = values.part ?? 'all';
if (!['all', 'page', 'viewers', 'soak', 'tabs', 'startup'].includes(part))
  throw new Error(`--part ${part}: all, page, viewers, soak, tabs or startup`);
/** The server's poll interval in both parts: the default, as the app ships. */
const INTERVAL_MS = 5000;
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const log = (/** @type {string} */ line) => console.error(line);
const PAIRS = 7;

/**
 * The tabs part: the static build served by a gateway of its own (bench-tabs.js), several tabs of
 * one browser sharing one poll. @param {import('@playwright/test').Browser} browser
 */
async function tabsPart(browser) {
  return measureTabs({
    browser,
    root,
    fixture: await ensureFixture({ dir: path.join(root, '.data', 'bench'), groups, port: 19391, log }),
    durationMs: Number(values.duration) * 1000,
    tabs: 4,
    pairs: 5,
    log,
  });
}

// Alone, the tabs part needs neither the page part's gateway nor its server.
if (part === 'tabs') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const table = [
      `Benchmark at ${groups.toLocaleString('en-US')} groups, tabs part, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| figure | measured | target | met |',
      '| --- | --- | --- | --- |',
      ...(await tabsPart(browser)).map(
        ([what, got, target, ok]) => `| ${what} | ${got} | ${target} | ${ok ? 'yes' : 'NO'} |`,
      ),
    ].join('\n');
    console.log(table);
    if (values.out) writeFileSync(values.out, `${table}\n`);
  } finally {
    await browser.close();
  }
  process.exit(0);
}

const started = await startBenchGateways({ root, groups, count, log, portOffset });
const { gateways } = started;
/** Every gateway's API as the page part's server proxies it: (ii) fetches them all in parallel. */
const rawPaths = multi ? gateways.map((g) => `/-/gateways/${g.name}/api/v1/metrics`) : ['/api/v1/metrics'];
// The page part's server runs in this process, in stream mode as the app ships: it holds the
// gateways' state (merged, with several) and the page follows its event stream.
const served = createPushboard({
  ...(multi ? { gateways: gateways.map(({ name, url }) => ({ name, url })) } : { gatewayUrl: gateways[0]?.url }),
  distDir: path.join(root, 'dist'),
  log: () => {},
});
// Every gateway's polls: with several, one interval holds one poll of each.
let serverPolls = 0;
for (const member of served.state.members) member.state.on('poll', () => serverPolls++);
// Through createHttpServer, whose close also stops the server's gateway readers (worker threads).
const server = createHttpServer(served).listen(19393 + portOffset, '127.0.0.1');
const app = `http://127.0.0.1:${19393 + portOffset}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** @type {Array<[string, string, string, boolean]>} */
const rows = [];
try {
  const bodies = await Promise.all(
    gateways.map(async (g) => await (await fetch(new URL('api/v1/metrics', g.url))).text()),
  );
  const sizes = bodies.map((body) => Buffer.byteLength(body));
  const bodyBytes = sizes.reduce((a, b) => a + b, 0);
  const found = bodies.reduce((n, body) => n + JSON.parse(body).data.length, 0);
  log(`bench: ${found} groups, body ${(bodyBytes / 1e6).toFixed(1)} MB${multi ? ` (${count} gateways)` : ''}`);

  if (part === 'all' || part === 'page') await pagePart(bodyBytes);
  if ((part === 'all' || part === 'page') && values.history && !multi) await historyPart();
  if (part === 'all' || part === 'viewers') {
    const durationMs = Number(values.duration) * 1000;
    rows.push(
      ...(await measureViewers({
        browser,
        root,
        gateways: gateways.map(({ name, url }) => ({ name, url })),
        rawPaths,
        bodyBytes,
        port: 19394 + portOffset,
        durationMs,
        intervalMs: INTERVAL_MS,
        viewers: 5,
        pairs: 5,
        log,
      })),
    );
  }

  if ((part === 'all' || part === 'startup') && !multi) {
    const gateway = gateways[0];
    if (gateway) rows.push(...(await measureStartup({ root, gateway: gateway.url, port: 19398 + portOffset, log })));
  }
  if ((part === 'all' || part === 'soak') && !multi) {
    const modes = measureCompression();
    const kB = (/** @type {number} */ x) => `${(x / 1024).toFixed(0)} kB`;
    const shared = modes.find((m) => m.mode === 'shared');
    rows.push([
      `soak: RSS per stalled viewer of a ${((modes[0]?.snapshotBytes ?? 0) / 1e6).toFixed(1)} MB snapshot, 300 viewers`,
      modes.map((m) => `${m.mode} ${kB(m.perViewerBytes)}`).join(', '),
      'shared (chosen) < 16 kB',
      (shared?.perViewerBytes ?? Infinity) < 16 * 1024,
    ]);
    rows.push(
      ...(await measureSoak({
        root,
        groups,
        port: 19395 + portOffset,
        gatewayPort: 19396 + portOffset,
        phaseMs: Number(values['soak-phase']) * 1000,
        stalledCounts: String(values.stalled).split(',').map(Number),
        log,
      })),
    );
  }
  if (part === 'all' && !multi) rows.push(...(await tabsPart(browser)));

  const mb = (/** @type {number} */ x) => `${(x / 1e6).toFixed(1)} MB`;
  const at = multi
    ? `${groups.toLocaleString('en-US')} groups on ${count} gateways of ${(groups / count).toLocaleString('en-US')} (${sizes.map(mb).join(' + ')} = ${mb(bodyBytes)} of responses)`
    : `${groups.toLocaleString('en-US')} groups (${mb(bodyBytes)} response)`;
  const table = [
    `Benchmark at ${at}, ${new Date().toISOString().slice(0, 10)}`,
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
  await started.stopAll();
}

/**
 * (ii) and first groups in pairs, in alternating order, each ratio within its pair: the machine's
 * drift over the run (it is shared with the gateways) then moves both sides alike.
 * @param {string[]} paths (ii)'s gateway APIs
 */
async function firstGroupsInPairs(paths, { overview = false } = {}) {
  const raw = [];
  const first = [];
  const ratios = [];
  const jobRows = [];
  /** The job overview's first row against the first group, within each pair. */
  const overviewRatios = [];
  for (let i = 0; i < PAIRS; i++) {
    const rawFirst = i % 2 === 0;
    const r1 = rawFirst ? await measureRawFetch(browser, app, paths) : NaN;
    // The overview (the page as it opens) and the first group (every job open) in alternating order.
    const o1 =
      overview && rawFirst ? await measureFirstGroups(browser, app, { path: '', selector: '[data-job-row]' }) : null;
    const result = await measureFirstGroups(browser, app);
    const o =
      overview && !rawFirst ? await measureFirstGroups(browser, app, { path: '', selector: '[data-job-row]' }) : o1;
    const r = rawFirst ? r1 : await measureRawFetch(browser, app, paths);
    raw.push(r);
    first.push(result.ms);
    ratios.push(result.ms / r);
    if (o) {
      jobRows.push(o.ms);
      overviewRatios.push(o.ms / result.ms);
    }
  }
  const rounded = (/** @type {number[]} */ xs) => xs.map((t) => Math.round(t)).join(', ');
  const line = `${rounded(first)} ms; raw ${rounded(raw)} ms; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}${overview ? `; job overview ${rounded(jobRows)} ms, / first group ${overviewRatios.map((x) => x.toFixed(2)).join(', ')}` : ''}`;
  return {
    rawMs: median(raw),
    firstMs: median(first),
    ratio: median(ratios),
    overviewMs: median(jobRows),
    overviewRatio: median(overviewRatios),
    line,
  };
}

/**
 * With several gateways, first groups while the last one is stopped, paired with (ii) of the
 * others: once the server has seen it fail (a poll of it, made at once, ended in an error), a new
 * tab should not wait on it. It is started again after, for the viewers part.
 */
async function firstGroupsWithOneStopped() {
  const k = count - 1;
  const member = served.state.members[k];
  if (!member) throw new Error(`no member ${k}`);
  await gateways[k]?.stop();
  const failed = new Promise((resolve) => {
    const seen = (/** @type {string} */ outcome) => {
      if (outcome !== 'error') return;
      member.state.off('poll', seen);
      resolve(undefined);
    };
    member.state.on('poll', seen);
  });
  void member.state.pollNow();
  await failed;
  log(`bench: ${member.name} stopped; the server's poll of it failed: ${member.state.status.error?.message}`);
  const result = await firstGroupsInPairs(rawPaths.filter((_, i) => i !== k));
  log(`bench: first groups with ${member.name} stopped ${result.line}`);
  await started.restart(k);
  return result;
}

/** The push history: its memory, the gateway reads with it, the first tab after nobody watched. */
async function historyPart() {
  const memory = measureHistoryMemory({ root, groups });
  const idle = await measureIdleFirstTab({
    browser,
    root,
    gatewayUrl: /** @type {URL} */ (gateways[0]?.url),
    port: 19395,
    pairs: 5,
    intervalMs: INTERVAL_MS,
    watchMs: 30_000,
    log,
  });
  const mb = (/** @type {number} */ x) => `${(x / 1e6).toFixed(1)} MB`;
  rows.push([
    `push history, ${groups.toLocaleString('en-US')} groups × 64 pushes: server heap`,
    `${mb(memory.heapBytes)} (entries ${mb(memory.entryBytes)}); file ${mb(memory.fileBytes)}, written in ${Math.round(memory.saveMs)} ms, read in ${Math.round(memory.loadMs)} ms`,
    '≤ 20 MB',
    memory.heapBytes <= 20e6,
  ]);
  rows.push([
    'gateway reads while one tab watches 30 s, history on',
    `${idle.reads} (one per ${INTERVAL_MS / 1000} s interval: ${idle.expectedReads})`,
    'no more than one per interval (+1 when the tab opens)',
    idle.reads <= idle.expectedReads + 1,
  ]);
  rows.push([
    'first groups visible, first tab after the server ran with nobody watching',
    `${Math.round(idle.firstMs)} ms; ${idle.ratio.toFixed(2)} × (ii) (median of 5 pairs; (ii) ${Math.round(idle.rawMs)} ms)`,
    '≤ 1 × (ii)',
    idle.ratio <= 1,
  ]);
}

/** The one-tab figures, each against the baselines (i) and (ii). @param {number} bodyBytes */
async function pagePart(bodyBytes) {
  // One unmeasured fetch first: the gateway's first answer after start-up is slower than the rest.
  await measureRawFetch(browser, app, rawPaths);
  // (i): with several gateways, each one's own page in turn, as someone without Pushboard would
  // open them: the sum of their loads.
  const own = [];
  for (let i = 0; i < 2; i++) {
    let sum = 0;
    for (const g of gateways) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(g.url.href, { waitUntil: 'load', timeout: 120_000 });
      sum += Date.now() - t0;
      await page.close();
    }
    own.push(sum);
  }
  const ownMs = median(own);

  const {
    rawMs,
    firstMs,
    ratio: firstRatio,
    overviewMs,
    overviewRatio,
    line,
  } = await firstGroupsInPairs(rawPaths, { overview: true });
  const heapBytes = await measureLoadedHeap(browser, app);
  const polls = await measurePolls(browser, app, { cycleMs: INTERVAL_MS, polls: () => serverPolls });
  const filter = await measureFilter(browser, app);
  const scroll = await measureCompactScroll(browser, app);
  log(
    `bench: compact scroll ${scroll.steps} screens, ${Math.round(scroll.ms)} ms, ${scroll.height} px, long tasks ${scroll.long.map((t) => Math.round(t)).join(', ') || 'none'}`,
  );
  log(`bench: filter keystrokes ${filter.times.map((t) => Math.round(t)).join(', ')} ms`);
  log(`bench: first groups ${line}`);
  const stopped = multi ? await firstGroupsWithOneStopped() : undefined;

  const js = readdirSync(path.join(root, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
  const gz = (/** @type {string} */ f) => gzipSync(readFileSync(path.join(root, 'dist', 'assets', f))).length;
  const gzBytes = js.reduce((n, f) => n + gz(f), 0);
  // What the page fetches before it draws: the entry and the chunks index.html preloads. The rest
  // (the RE2 engine, the status, rules and check pages, the static mode's worker) loads on demand.
  const html = readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
  const atStart = new Set([...html.matchAll(/assets\/([^"']+\.js)/g)].map((m) => m[1] ?? ''));
  const startBytes = js.filter((f) => atStart.has(f)).reduce((n, f) => n + gz(f), 0);

  const ms = (/** @type {number} */ x) => `${Math.round(x)} ms`;
  rows.push([
    multi
      ? `(ii) bare fetch + JSON.parse of the ${count} gateways' -/gateways/NAME/api/v1/metrics, in parallel`
      : '(ii) bare fetch + JSON.parse of /api/v1/metrics',
    `${ms(rawMs)} (median of ${PAIRS})`,
    'baseline',
    true,
  ]);
  rows.push([
    multi ? `(i) the ${count} gateways' own pages, load, one after another (sum)` : "(i) the gateway's own page, load",
    ms(ownMs),
    'baseline',
    true,
  ]);
  rows.push([
    'first groups visible',
    `${ms(firstMs)}; ${firstRatio.toFixed(2)} × (ii) (median of ${PAIRS} pairs), (i) / ${(ownMs / firstMs).toFixed(1)}`,
    '≤ 1.5 × (ii) and ≥ 5 × faster than (i)',
    firstRatio <= 1.5 && ownMs >= 5 * firstMs,
  ]);
  rows.push([
    'job overview visible (the page as it opens)',
    `${ms(overviewMs)}; ${overviewRatio.toFixed(2)} × the first group with every job open (median of ${PAIRS} pairs)`,
    '≤ 1 × first groups visible',
    overviewRatio <= 1,
  ]);
  if (stopped) {
    rows.push([
      `first groups visible with one of ${count} gateways stopped`,
      `${ms(stopped.firstMs)}; ${stopped.ratio.toFixed(2)} × (ii) of the other ${count - 1} (median of ${PAIRS} pairs; (ii) ${ms(stopped.rawMs)})`,
      '≤ 1.5 × (ii)',
      stopped.ratio <= 1.5,
    ]);
  }
  rows.push([
    'poll cycle, unchanged data: main-thread long tasks',
    multi
      ? `${ms(polls.worstCycleMs)} worst of 3 intervals (${polls.cycles} polls of ${count} gateways)`
      : `${ms(polls.worstCycleMs)} worst of ${polls.cycles} polls`,
    '< 50 ms',
    polls.worstCycleMs < 50,
  ]);
  rows.push([
    'scrolling the compact list end to end (every job open, 1280 × 800)',
    `${ms(scroll.worstMs)} longest task (${scroll.long.length} over 50 ms in ${scroll.steps} screens)`,
    'no long task over 50 ms',
    scroll.long.length === 0,
  ]);
  rows.push([
    'typing in the filter: results updated',
    `${ms(filter.worstMs)} worst of ${filter.keys} keys`,
    '≤ 100 ms',
    filter.worstMs <= 100,
  ]);
  rows.push([
    'JS heap after load (page)',
    `${(heapBytes / 1e6).toFixed(1)} MB = ${(heapBytes / bodyBytes).toFixed(2)} × the ${multi ? `${count} responses` : 'response'}`,
    multi ? '≤ 4 × the responses (their sum)' : '≤ 4 × the response',
    heapBytes <= 4 * bodyBytes,
  ]);
  rows.push([
    'built JavaScript, gzipped: every chunk (loaded at start)',
    `${(gzBytes / 1024).toFixed(1)} kB (${(startBytes / 1024).toFixed(1)} kB)`,
    '< 160 kB, every chunk',
    gzBytes < 160 * 1024,
  ]);
}
