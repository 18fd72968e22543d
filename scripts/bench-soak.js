// @ts-check
/**
 * The soak part: the server (a child process, as in the viewers part) under a steady load for a
 * few minutes, with viewers that never read. Loopback only; it stops by itself.
 *
 * - the gateway's groups pushed again, 20 a second, straight to the gateway (as batch jobs do);
 * - live viewers that read every event (gzip, as browsers ask), and viewers coming and going;
 * - in each phase, `stalled` more streams that send a browser's Accept-Encoding, take the answer's
 *   first bytes and never read again (spread over 127.0.0.x, 100 per address);
 * - sampled every few seconds: the server's RSS (/proc), its heap after a forced collection (its
 *   own metrics), and the latency of /-/pushboard/healthy (probed twice a second).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway } from '../server/local-gateway.ts';
import { benchGroup, ensureFixture } from './bench-fixture.js';
import { push } from './push.js';
import { startServer } from './bench-server.js';

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1e6;

/** @param {number | undefined} pid */
const rssOf = (pid) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;

/** A stream that takes its answer's first bytes and never reads again. @param {number} port @param {string} localAddress */
function stalled(port, localAddress) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    socket.on('error', () => {});
    socket.once('data', (chunk) => {
      socket.pause();
      resolve({ socket, ok: chunk.toString('latin1').startsWith('HTTP/1.1 200') });
    });
    socket.write(
      `GET /-/pushboard/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n`,
    );
  });
}

/** A viewer that reads every event; counts diffs. @param {string} url */
function follower(url) {
  const controller = new AbortController();
  const state = { diffs: 0, rest: false, closed: false };
  void (async () => {
    const response = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' }, signal: controller.signal });
    const decoder = new TextDecoder();
    let tail = '';
    for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (response.body)) {
      const text = tail + decoder.decode(chunk, { stream: true });
      state.diffs += text.split('event: diff\n').length - 1;
      if (text.includes('event: rest\n') || text.includes('event: snapshot\n')) state.rest = true;
      tail = text.slice(-16);
    }
  })()
    .catch(() => {})
    .finally(() => (state.closed = true));
  return { state, close: () => controller.abort() };
}

/** Least-squares slope of (t ms, y) in y per minute. @param {Array<[number, number]>} points */
function slopePerMinute(points) {
  const n = points.length;
  const mt = points.reduce((s, [t]) => s + t, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [t, y]) => s + (t - mt) * (y - my), 0);
  const den = points.reduce((s, [t]) => s + (t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000;
}

/**
 * The soak's own gateway, from the same fixture, with the consistency check off: with it, each
 * push scans every group, and at 10,000 groups the gateway took under 2 pushes a second here.
 * @param {{ root: string, groups: number, port: number, log: (line: string) => void }} options
 */
async function soakGateway({ root, groups, port, log }) {
  const fixture = await ensureFixture({ dir: path.join(root, '.data', 'bench'), groups, port, log });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-soak-'));
  copyFileSync(fixture, path.join(dataDir, 'pushgateway.data'));
  const started = await startGateway({
    listen: `127.0.0.1:${port}`,
    dataDir,
    extraArgs: ['--push.disable-consistency-check'],
  });
  return {
    url: started.url,
    stop: async () => {
      await started.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * @param {{ root: string, groups: number, port: number, gatewayPort: number, phaseMs: number,
 *   stalledCounts: number[], log: (line: string) => void }} options
 * @returns {Promise<Array<[string, string, string, boolean]>>}
 */
export async function measureSoak({ root, groups, port, gatewayPort, phaseMs, stalledCounts, log }) {
  const most = Math.max(...stalledCounts);
  const gateway = await soakGateway({ root, groups, port: gatewayPort, log });
  const server = await startServer({
    root,
    gateways: [{ name: 'default', url: gateway.url }],
    port,
    args: ['--max-streams', String(most + 100)],
  });
  const events = `${server.url}-/pushboard/events`;
  const metrics = `${server.url}-/pushboard/metrics`;
  /**
   * The server's heap (its thread and the gateway reader's) after a collection: one read of its
   * metrics, which collects first (PUSHBOARD_GC_BEFORE_METRICS). Each such read is noted, so
   * that health probes it held up can be told apart: the benchmark's own doing, never in use.
   * @type {Array<[number, number]>}
   */
  const collections = [];
  const readMetric = async (/** @type {string[]} */ names) => {
    const t0 = performance.now();
    const text = await (await fetch(metrics)).text();
    collections.push([t0, performance.now()]);
    return names.reduce((sum, name) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return sum + Number(line?.split(' ')[1] ?? NaN);
    }, 0);
  };
  const heap = () => readMetric(['pushboard_nodejs_heap_size_used_bytes', 'pushboard_gateway_reader_heap_bytes']);
  let stopping = false;
  /** @type {Array<{ t0: number, ms: number }>} */
  let health = [];
  const prober = (async () => {
    while (!stopping) {
      const t0 = performance.now();
      await fetch(`${server.url}-/pushboard/healthy`).then(
        (r) => r.text(),
        () => '',
      );
      health.push({ t0, ms: performance.now() - t0 });
      await sleep(500);
    }
  })();
  /** The worst probe, and the worst that overlapped none of the benchmark's forced collections. */
  const worstOf = (/** @type {typeof health} */ probes) => {
    const clear = probes.filter(({ t0, ms }) => !collections.some(([a, b]) => t0 < b && t0 + ms > a));
    return { all: Math.max(...probes.map((p) => p.ms)), clear: Math.max(...clear.map((p) => p.ms)) };
  };
  // 20 a second, on a clock: each push waits for the gateway (which scans every group on each),
  // so several are under way at once; at most 20.
  let pushes = 0;
  let inFlight = 0;
  const pusher = (async () => {
    let i = 0;
    const start = performance.now();
    while (!stopping) {
      await sleep(Math.max(0, start + i * 50 - performance.now()));
      if (inFlight >= 20) continue;
      const { labels, body } = benchGroup(i++ % groups);
      inFlight++;
      void push(gateway.url, labels, body.replace(/^bench_runs_total \d+$/m, `bench_runs_total ${Date.now()}`))
        .then(
          () => pushes++,
          () => {},
        )
        .finally(() => inFlight--);
    }
  })();
  const live = [follower(events), follower(events), follower(events)];
  let churned = 0;
  const churn = (async () => {
    while (!stopping) {
      const viewer = follower(events);
      for (let t = 0; t < 40 && !viewer.state.rest && !stopping; t++) await sleep(100);
      viewer.close();
      churned++;
      await sleep(1000);
    }
  })();

  /** @type {Array<[string, string, string, boolean]>} */
  const rows = [];
  try {
    // The first poll's groups have reached the live viewers; then a few quiet seconds.
    while (!live.every((v) => v.state.diffs > 0)) await sleep(500);
    await sleep(5000);
    /** The 0-stalled phase's figures, when it ran first: the baseline of the same run. */
    let base = { rss: NaN, health: NaN };
    const polls = () => readMetric(['pushboard_gateway_polls_total{outcome="success"}']);
    for (const count of stalledCounts) {
      const diffsBefore = live.map((v) => v.state.diffs);
      const pushesBefore = pushes;
      const pollsBefore = await polls();
      /** @type {Array<{ socket: import('node:net').Socket, ok: boolean }>} */
      const held = [];
      for (let i = 0; i < count; i++) {
        held.push(/** @type {any} */ (await stalled(port, `127.0.0.${2 + Math.floor(i / 100)}`)));
      }
      const admitted = held.filter((h) => h.ok).length;
      health = [];
      const started = Date.now();
      /** @type {Array<{ t: number, rss: number, heap: number }>} */
      const samples = [];
      while (Date.now() - started < phaseMs && server.exitCode() === null) {
        await sleep(10_000);
        if (server.exitCode() !== null) break;
        samples.push({ t: Date.now() - started, rss: rssOf(server.pid), heap: await heap() });
      }
      const crashed = server.exitCode() !== null;
      const peak = Math.max(...samples.map((s) => s.rss));
      const last = samples.filter((s) => s.t >= Math.min(15_000, phaseMs / 4));
      const slope = slopePerMinute(last.map((s) => [s.t, s.heap]));
      const worst = worstOf(health);
      const worstHealth = worst.clear;
      const diffs = live.map((v, i) => v.state.diffs - (diffsBefore[i] ?? 0));
      const polled = crashed ? NaN : (await polls()) - pollsBefore;
      if (count === 0) base = { rss: peak, health: worstHealth };
      const times = (/** @type {number} */ x, /** @type {number} */ b) =>
        Number.isFinite(b) && count > 0 ? ` = ${(x / b).toFixed(2)} × the 0-stalled phase` : '';
      const series = samples.map(
        (s) => `${Math.round(s.t / 1000)}s ${(s.rss / MB).toFixed(0)}/${(s.heap / MB).toFixed(0)}`,
      );
      log(`bench: soak: ${count} stalled (${admitted} admitted): RSS/heap MB ${series.join(', ')}`);
      const pushRate = ((pushes - pushesBefore) / ((Date.now() - started) / 1000)).toFixed(1);
      log(
        `bench: soak: health worst ${worst.all.toFixed(0)} ms of ${health.length}, ${worst.clear.toFixed(0)} ms outside forced collections; live diffs ${diffs.join(', ')}; ${pushRate} pushes/s; viewers came and went ${churned}`,
      );
      const limit = count <= 300 ? 400 : 600;
      rows.push(
        [
          `soak: server RSS with ${count} stalled streams, ${Math.round(phaseMs / 1000)} s${crashed ? ' (CRASHED)' : ''}`,
          `peak ${(peak / MB).toFixed(0)} MB${times(peak, base.rss)} (${admitted} admitted)`,
          `< ${limit} MB, no crash`,
          !crashed && peak < limit * MB,
        ],
        [
          `soak: health latency with ${count} stalled`,
          `worst ${worstHealth.toFixed(0)} ms of ${health.length} probes${times(worstHealth, base.health)}; ${worst.all.toFixed(0)} ms with the benchmark's forced collections`,
          '< 1 s throughout',
          worstHealth < 1000,
        ],
        [
          `soak: heap slope after the first ${Math.round(Math.min(15_000, phaseMs / 4) / 1000)} s with ${count} stalled`,
          `${(slope / MB).toFixed(2)} MB/min (heap ${(last[0]?.heap ?? NaN) / MB > 0 ? ((last[0]?.heap ?? 0) / MB).toFixed(0) : '?'}→${((last.at(-1)?.heap ?? 0) / MB).toFixed(0)} MB)`,
          'flat (within ±1 MB/min)',
          Math.abs(slope) <= MB,
        ],
        [
          `soak: diffs received by each of 3 live viewers with ${count} stalled`,
          `${diffs.join(', ')} in ${polled} polls of the server`,
          'one per poll (± 1), every viewer',
          diffs.every((d) => d >= polled - 1),
        ],
      );
      for (const h of held) h.socket.destroy();
      if (crashed) break;
      await sleep(5000);
    }
  } finally {
    stopping = true;
    for (const v of live) v.close();
    await Promise.all([prober, pusher, churn]);
    await server.stop();
    await gateway.stop();
  }
  return rows;
}
