// @ts-check
/**
 * The benchmark's "tabs" part: Pushboard served by the gateway itself (--web.local-assets, no
 * Pushboard server), several tabs in ONE browser context (one browser window's tabs), sharing one
 * poll (src/data/shared/). Phases in one run: 1 tab (half the duration), 4 tabs (the duration),
 * 1 tab again (half), a probe pushing every 250 ms throughout (bench-viewers.js), the gateway's
 * own count of the answers it built. Then a new tab while another leads, paired with (ii).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareAssets } from './gateway-assets.js';
import { startGateway } from '../server/local-gateway.ts';
import { gatewayBuilds } from './bench-server.js';
import { startProbe } from './bench-viewers.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {[string, string, string, boolean]} Row */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;

/**
 * A tab of `context` at the app, resolved once its first group is on screen: the time from the
 * navigation until then (noted in the page, the frame after the first group entered it).
 * @param {BrowserContext} context @param {string} app
 */
async function openTab(context, app) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    const observer = new MutationObserver(() => {
      if (!document.querySelector('article')) return;
      observer.disconnect();
      requestAnimationFrame(() => (w.__firstGroup = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(app, { waitUntil: 'commit' });
  await page.waitForFunction(() => /** @type {any} */ (window).__firstGroup, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => /** @type {any} */ (window).__firstGroup);
  return { page, ms };
}

/**
 * (ii) on the gateway's origin: a bare fetch + JSON.parse of its /api/v1/metrics.
 * @param {Browser} browser @param {URL} gateway
 */
async function rawFetch(browser, gateway) {
  const page = await browser.newPage();
  await page.goto(new URL('-/healthy', gateway).href);
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    const json = await (await fetch('/api/v1/metrics')).json();
    if (!Array.isArray(json.data)) throw new Error('no data');
    return performance.now() - t0;
  });
  await page.close();
  return ms;
}

/**
 * @param {{ browser: Browser, root: string, fixture: string, durationMs: number, tabs: number, pairs: number,
 *   log: (line: string) => void }} options
 * @returns {Promise<Row[]>}
 */
export async function measureTabs({ browser, root, fixture, durationMs, tabs: count, pairs, log }) {
  const assets = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-assets-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-tabs-'));
  prepareAssets({ out: assets, from: '/usr/share/prometheus/pushgateway', dist: path.join(root, 'dist') });
  copyFileSync(fixture, path.join(dataDir, 'pushgateway.data'));
  const gateway = await startGateway({
    listen: '127.0.0.1:19396',
    dataDir,
    extraArgs: [`--web.local-assets=${assets}`],
  });
  // Every job open: the page opens on the job overview, folded at 10,000 groups, and the first
  // group is what is timed (as the page part does, bench-page.js).
  const app = `${new URL('static/pushboard/', gateway.url).href}?jobs=open`;
  const probe = startProbe(gateway.url);
  const context = await browser.newContext();
  /** @type {import('@playwright/test').Page[]} */
  const open = [];
  try {
    // One unmeasured fetch first: the gateway's first answer after start-up is slower.
    await rawFetch(browser, gateway.url);
    const phase = async (/** @type {number} */ ms) => {
      /** @type {{ samples: number[], skipped: number }} */
      const pushes = { samples: [], skipped: 0 };
      const before = await gatewayBuilds(gateway.url);
      probe.into(pushes);
      await sleep(ms);
      probe.into(undefined);
      const builds = (await gatewayBuilds(gateway.url)) - before;
      return { ...pushes, builds, ms };
    };
    open.push((await openTab(context, app)).page);
    await sleep(3000);
    log('bench: tabs: phase A, 1 tab');
    const a1 = await phase(durationMs / 2);
    while (open.length < count) open.push((await openTab(context, app)).page);
    // Until each new tab has taken the whole model (its snapshot's rest).
    await sleep(3000);
    log(`bench: tabs: phase B, ${count} tabs in one browser`);
    const b = await phase(durationMs);
    while (open.length > 1) await open.pop()?.close();
    await sleep(2000);
    log('bench: tabs: phase A again, 1 tab');
    const a2 = await phase(durationMs / 2);
    const [inEffect] = await Promise.all([
      open[0]
        ?.getByRole('status', { name: 'Interval in effect' })
        .textContent({ timeout: 1000 })
        .catch(() => ''),
    ]);

    // A new tab while the first leads, paired with (ii) in alternating order.
    /** @type {number[]} */
    const first = [];
    /** @type {number[]} */
    const raw = [];
    for (let i = 0; i < pairs; i++) {
      const rawFirst = i % 2 === 0;
      const r1 = rawFirst ? await rawFetch(browser, gateway.url) : NaN;
      const tab = await openTab(context, app);
      first.push(tab.ms);
      await tab.page.close();
      raw.push(rawFirst ? r1 : await rawFetch(browser, gateway.url));
    }
    const ratios = first.map((f, i) => f / (raw[i] ?? NaN));

    const oneRate = (a1.builds + a2.builds) / (a1.ms + a2.ms);
    const manyRate = b.builds / b.ms;
    const one = [...a1.samples, ...a2.samples];
    const [p1, pN] = [p95(one), p95(b.samples)];
    log(
      `bench: tabs: gateway builds ${a1.builds} + ${a2.builds} in ${(a1.ms + a2.ms) / 1000} s with 1 tab, ${b.builds} in ${b.ms / 1000} s with ${count}; the first tab said "${inEffect ?? ''}"`,
    );
    log(
      `bench: tabs: push p95 ${p1.toFixed(1)} ms (1 tab, ${one.length} pushes, ${a1.skipped + a2.skipped} skipped), ${pN.toFixed(1)} ms (${count} tabs, ${b.samples.length}, ${b.skipped} skipped)`,
    );
    log(`bench: tabs: new tab ${first.map(Math.round).join(', ')} ms; raw ${raw.map(Math.round).join(', ')} ms`);
    const ms = (/** @type {number} */ x) => `${x.toFixed(1)} ms`;
    const per5s = (/** @type {number} */ rate) => (rate * 5000).toFixed(2);
    return [
      [
        `tabs (served by the gateway): gateway builds of /api/v1/metrics, ${count} tabs in one browser vs 1`,
        `${per5s(manyRate)} vs ${per5s(oneRate)} per 5 s = ${(manyRate / oneRate).toFixed(2)} × (${b.builds} in ${b.ms / 1000} s; ${a1.builds + a2.builds} in ${(a1.ms + a2.ms) / 1000} s)`,
        '≤ 1.1 ×',
        manyRate <= 1.1 * oneRate,
      ],
      [
        'tabs (served by the gateway): probe push p95, every 250 ms',
        `${ms(pN)} with ${count} tabs vs ${ms(p1)} with 1 = ${(pN / p1).toFixed(2)} × (${b.samples.length} and ${one.length} pushes; ${b.skipped} and ${a1.skipped + a2.skipped} turns skipped)`,
        '≤ 1.25 ×',
        pN <= 1.25 * p1,
      ],
      [
        'tabs (served by the gateway): first group in a new tab while another leads',
        `${ms(median(first))}; ${median(ratios).toFixed(2)} × (ii) (median of ${pairs} pairs; (ii) ${ms(median(raw))})`,
        '≤ 0.5 × (ii)',
        median(ratios) <= 0.5,
      ],
    ];
  } finally {
    await context.close();
    await probe.stop();
    await gateway.stop();
    rmSync(assets, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
