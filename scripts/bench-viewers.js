// @ts-check
/**
 * The benchmark's "viewers" part: several tabs on one Pushboard server while a probe pushes one
 * small group to the gateway every 250 ms, as batch jobs do. The server runs as a child process
 * (the compiled `dist/server/cli.js`), so its heap is its own; each viewer reaches it through a
 * byte-counting relay of its own. Phases, in one run: 1 viewer (half the duration), 5 viewers (the duration),
 * 1 viewer again (half): the 1-viewer baseline is taken on both sides of the 5-viewer phase, so a
 * steady drift of the machine's speed moves both sides of the ratio alike. With several gateways
 * the server follows them all and the probe pushes to one.
 */
import { push } from './push.js';
import { startRelay } from './bench-relay.js';
import { measureFirstGroups, measureRawFetch } from './bench-page.js';
import { cpuSeconds, gatewayBuilds, scrape, startServer } from './bench-server.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {[string, string, string, boolean]} Row */

const PROBE_MS = 250;
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;

/**
 * One small group pushed every 250 ms, on a fixed schedule, by one job: a push still unanswered
 * when the next is due makes that one skip its turn (counted), as a job that runs every 250 ms
 * would. Pushing regardless piles pushes up at a gateway slower than 4 a second (each push at
 * 10,000 groups makes it check every group's consistency), and then measures the queue instead.
 * Each push's time goes to the phase it started in.
 * @param {URL} gatewayUrl
 */
export function startProbe(gatewayUrl) {
  /** @type {{ samples: number[], skipped: number } | undefined} */
  let phase;
  let n = 0;
  let busy = false;
  /** @type {unknown} */
  let failed;
  /** @type {Promise<void> | undefined} */
  let last;
  const once = async () => {
    const into = phase;
    const started = performance.now();
    const { status } = await push(gatewayUrl, { job: 'bench_probe', instance: 'probe' }, `bench_probe_runs ${n++}`);
    if (status >= 300) throw new Error(`probe push failed: ${status}`);
    into?.samples.push(performance.now() - started);
  };
  const timer = setInterval(() => {
    if (busy) {
      if (phase) phase.skipped++;
      return;
    }
    busy = true;
    last = once()
      .catch((error) => void (failed ??= error))
      .finally(() => (busy = false));
  }, PROBE_MS);
  return {
    /** @param {{ samples: number[], skipped: number } | undefined} into where the next pushes go */
    into: (into) => (phase = into),
    stop: async () => {
      clearInterval(timer);
      await last;
      if (failed) throw failed;
    },
  };
}

/**
 * A tab on the server through a relay of its own; resolves once the first groups are on screen
 * and the rest of the snapshot has arrived (nothing more received for 1.5 s).
 * @param {Browser} browser
 * @param {{ host: string, port: number }} target
 */
async function openViewer(browser, target) {
  const relay = await startRelay(target);
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(relay.url);
  await page.waitForSelector('article', { timeout: 120_000 });
  let last = -1;
  while (relay.received() !== last) {
    last = relay.received();
    await sleep(1500);
  }
  return {
    relay,
    /** Seconds of main-thread tasks so far in this tab. */
    cpu: async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN,
    close: async () => {
      await context.close();
      await relay.close();
    },
  };
}

/**
 * With several gateways (`gateways`), the server follows them all, the probe pushes to the first,
 * the gateways' builds are counted each (the worst reported) and their CPU added up, (ii) fetches
 * every gateway's answer in parallel (`rawPaths`), and `bodyBytes` is their answers' sum.
 * @param {{ browser: Browser, root: string, gateways: Array<{ name: string, url: URL }>, rawPaths?: string[],
 *   bodyBytes: number, port: number, durationMs: number, intervalMs: number, viewers: number, pairs: number,
 *   log: (line: string) => void }} options
 * @returns {Promise<Row[]>}
 */
export async function measureViewers(options) {
  const { browser, gateways, rawPaths, bodyBytes, durationMs, intervalMs, viewers, pairs, log } = options;
  const urls = gateways.map((g) => g.url);
  const multi = gateways.length > 1;
  const server = await startServer(options);
  const target = { host: '127.0.0.1', port: options.port };
  const metrics = `${server.url}-/pushboard/metrics`;
  const probe = startProbe(urls[0] ?? new URL('http://127.0.0.1/'));
  /** Each gateway's count of the answers it built. */
  const builtSoFar = () => Promise.all(urls.map(gatewayBuilds));
  /** @type {Array<Awaited<ReturnType<typeof openViewer>>>} */
  const tabs = [];
  try {
    /** One phase: pushes timed, the gateway's builds counted, the bytes each open tab received. */
    const phase = async (/** @type {number} */ ms) => {
      /** @type {{ samples: number[], skipped: number }} */
      const pushes = { samples: [], skipped: 0 };
      const builds = await builtSoFar();
      const cpu = await cpuSeconds(urls, metrics, tabs);
      const before = tabs.map((t) => t.relay.received());
      probe.into(pushes);
      await sleep(ms);
      probe.into(undefined);
      const intervals = ms / intervalMs;
      const perInterval = tabs.map((t, i) => (t.relay.received() - (before[i] ?? 0)) / intervals);
      const after = await cpuSeconds(urls, metrics, tabs);
      log(
        `bench: viewers: CPU over ${ms / 1000} s with ${tabs.length}: ${multi ? `${urls.length} gateways` : 'gateway'} ${(after.gateway - cpu.gateway).toFixed(1)} s, server ${(after.server - cpu.server).toFixed(1)} s, tabs' main threads ${(after.tabs - cpu.tabs).toFixed(1)} s`,
      );
      const each = (await builtSoFar()).map((n, i) => n - (builds[i] ?? 0));
      return { ...pushes, builds: Math.max(...each), each, intervals, perInterval };
    };

    tabs.push(await openViewer(browser, target));
    log('bench: viewers: phase A, 1 viewer');
    const a1 = await phase(durationMs / 2);
    while (tabs.length < viewers) tabs.push(await openViewer(browser, target));
    log(`bench: viewers: phase B, ${viewers} viewers`);
    const b = await phase(durationMs);
    // The server's thread and the threads reading the gateways.
    const heapBytes =
      (await scrape(metrics, /^pushboard_nodejs_heap_size_used_bytes (\S+)$/gm)) +
      (await scrape(metrics, /^pushboard_gateway_reader_heap_bytes (\S+)$/gm));

    // A new tab while the others stay connected, paired with (ii) as in the page part.
    /** @type {number[]} */
    const first = [];
    /** @type {number[]} */
    const raw = [];
    for (let i = 0; i < pairs; i++) {
      const rawFirst = i % 2 === 0;
      const r1 = rawFirst ? await measureRawFetch(browser, server.url, rawPaths) : NaN;
      first.push((await measureFirstGroups(browser, server.url)).ms);
      raw.push(rawFirst ? r1 : await measureRawFetch(browser, server.url, rawPaths));
    }
    const ratios = first.map((f, i) => f / (raw[i] ?? NaN));

    while (tabs.length > 1) await tabs.pop()?.close();
    await sleep(2000);
    log('bench: viewers: phase A again, 1 viewer');
    const a2 = await phase(durationMs / 2);

    const one = [...a1.samples, ...a2.samples];
    const p1 = p95(one);
    const p5 = p95(b.samples);
    // The worst gateway's in both 1-viewer phases together.
    const oneBuilds = Math.max(...a1.each.map((n, i) => n + (a2.each[i] ?? 0)));
    const oneIntervals = a1.intervals + a2.intervals;
    const worstBytes = Math.max(...b.perInterval);
    const oneBytes = Math.max(a1.perInterval[0] ?? NaN, a2.perInterval[0] ?? NaN);
    const polls = await scrape(metrics, /^pushboard_gateway_polls_total\{[^}]*outcome="success"[^}]*\} (\S+)$/gm);
    log(
      `bench: viewers: push p95 ${p1.toFixed(1)} ms (1 viewer, ${one.length} pushes, ${a1.skipped + a2.skipped} turns skipped), ${p5.toFixed(1)} ms (${viewers}, ${b.samples.length}, ${b.skipped} skipped); medians ${median(one).toFixed(1)}, ${median(b.samples).toFixed(1)} ms`,
    );
    log(
      `bench: viewers: bytes per interval ${b.perInterval.map((x) => Math.round(x)).join(', ')}; gateway builds ${[a1, b, a2].map((p) => p.each.join('/')).join(' + ')}; server polls ${polls}`,
    );
    log(
      `bench: viewers: first groups ${first.map(Math.round).join(', ')} ms; raw ${raw.map(Math.round).join(', ')} ms`,
    );

    const ms = (/** @type {number} */ x) => `${x.toFixed(1)} ms`;
    const kB = (/** @type {number} */ x) => `${(x / 1000).toFixed(1)} kB`;
    const ratio = median(ratios);
    const firstMs = median(first);
    const rawMs = median(raw);
    const secs = durationMs / 1000;
    const n = gateways.length;
    return [
      [
        `viewers: gateway builds of /api/v1/metrics, ${viewers} viewers for ${secs} s${multi ? `, worst of ${n} gateways` : ''}`,
        multi
          ? `${b.builds} in ${b.intervals} intervals (each: ${b.each.join(', ')}; 1 viewer: worst ${oneBuilds} in ${oneIntervals})`
          : `${b.builds} in ${b.intervals} intervals (1 viewer: ${oneBuilds} in ${oneIntervals})`,
        '≤ intervals + 2',
        b.builds <= b.intervals + 2,
      ],
      [
        `viewers: bytes received per viewer per interval after first load, ${viewers} viewers`,
        `${kB(worstBytes)} worst of ${viewers} (1 viewer: ${kB(oneBytes)})`,
        '≤ 16 kB',
        worstBytes <= 16_000,
      ],
      [
        `viewers: probe push p95, every 250 ms${multi ? `, to one of ${n} gateways` : ''}`,
        `${ms(p5)} with ${viewers} viewers vs ${ms(p1)} with 1 = ${(p5 / p1).toFixed(2)} × (${b.samples.length} and ${one.length} pushes; ${b.skipped} and ${a1.skipped + a2.skipped} turns skipped)`,
        '≤ 1.25 × (+5 ms)',
        p5 <= 1.25 * p1 + 5,
      ],
      [
        `viewers: first groups, a new tab while ${viewers} are connected`,
        `${ms(firstMs)}; ${ratio.toFixed(2)} × (ii) (median of ${pairs} pairs; (ii) ${ms(rawMs)}${multi ? `, all ${n} gateways' answers in parallel` : ''})`,
        '≤ 0.5 × (ii)',
        ratio <= 0.5,
      ],
      [
        `viewers: server heap (its thread and the gateway readers) after ${secs} s with ${viewers} viewers (after a forced GC)`,
        `${(heapBytes / 1e6).toFixed(1)} MB = ${(heapBytes / bodyBytes).toFixed(2)} × the ${multi ? `${n} responses` : 'response'}`,
        multi ? '≤ 4 × the responses (their sum)' : '≤ 3 × the response',
        heapBytes <= (multi ? 4 : 3) * bodyBytes,
      ],
    ];
  } finally {
    await probe.stop();
    for (const tab of tabs) await tab.close();
    await server.stop();
  }
}
