#!/usr/bin/env node
// @ts-check
// `npm run bench:export`: the server's export of 10,000 groups (`-/pushboard/export`), streamed,
// against the same export built as one string, in one run. The groups are the bench's (4 families,
// one a 12-bucket histogram), read by the app's own parser and held by a model as the server
// holds a gateway's; the route is the server's own, over a real socket, its reader slow on
// purpose (a pause after every piece) so that a route that buffered would show it. Heap figures are the
// peak of what the heap holds (sampled every 20 ms, each sample after a forced collection) over
// the heap before.
import http from 'node:http';
import { parseArgs } from 'node:util';
import express from 'express';
import { parseGroups } from '../core/metrics.ts';
import { exportChunks } from '../core/export/export.ts';
import { exportRoute } from '../server/export.ts';

const { values } = parseArgs({ options: { groups: { type: 'string', default: '10000' } } });
const count = Number(values.groups);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const gc = /** @type {() => void} */ (globalThis.gc);

const BOUNDS = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'];
const raw = Array.from({ length: count }, (_, i) => {
  const labels = { job: `batch_${i % 40}`, instance: `host-${i}`, ...(i % 5 === 0 ? { env: 'prod' } : {}) };
  const family = (/** @type {string} */ type, /** @type {unknown[]} */ metrics, help = '') => ({
    time_stamp: '2026-11-24T20:00:00.000000000Z',
    type,
    ...(help ? { help } : {}),
    metrics,
  });
  return {
    labels,
    last_push_successful: true,
    push_time_seconds: family('GAUGE', [{ labels, value: '1.7955456e+09' }]),
    push_failure_time_seconds: family('GAUGE', [{ labels, value: '0' }]),
    bench_runs_total: family('COUNTER', [{ labels, value: String(i * 3) }], 'Runs of the batch job.'),
    bench_last_duration_seconds: family('GAUGE', [{ labels, value: String((i % 97) + 0.5) }], 'Duration.'),
    bench_ok: family('UNTYPED', [{ labels, value: String(i % 13 ? 1 : 0) }]),
    bench_step_seconds: family(
      'HISTOGRAM',
      [
        {
          labels,
          buckets: Object.fromEntries(BOUNDS.map((le, b) => [le, String(b * 2 + (i % 3))])),
          count: '24',
          sum: String(i / 10),
        },
      ],
      'Step latency.',
    ),
  };
});
const groups = parseGroups(raw);
raw.length = 0;
/** Just what the route reads of a model. */
const model = /** @type {any} */ ({
  viewerCount: 1,
  status: { lastSuccess: Date.now(), error: null, intervalMs: 5000 },
  hold: () => () => {},
  refresh: async () => {},
  snapshot: () => ({ version: 1, groups, status: model.status }),
});
const app = express().get(
  '/export',
  exportRoute({ model, gatewayName: 'bench:9091', multi: false, trustProxy: false, log: () => {} }),
);
const server = http.createServer(app).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

/** Runs `work` and returns the peak heap growth over the heap before it, in bytes. */
async function peakGrowth(/** @type {() => Promise<number>} */ work) {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  // What is held, not garbage not yet collected: a collection before each sample.
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const bytes = await work();
  clearInterval(timer);
  return { growth: peak - before, bytes };
}

/** Reads the export through a socket, slowly, counting bytes and keeping none. */
const streamed = (/** @type {string} */ format) =>
  peakGrowth(
    () =>
      new Promise((resolve, reject) => {
        http
          .get({ port, host: '127.0.0.1', path: `/export?format=${format}` }, (res) => {
            let bytes = 0;
            res.on('data', (chunk) => {
              bytes += chunk.length;
              res.pause();
              setTimeout(() => res.resume(), 1);
            });
            res.on('end', () => resolve(bytes));
          })
          .on('error', reject);
      }),
  );
/** The same export as one string, as a route that did not stream would hold it. */
const whole = (/** @type {'json'|'csv'|'text'} */ format) =>
  peakGrowth(async () => {
    const text = [...exportChunks(groups, format, { gateway: 'bench:9091' })].join('');
    // Held a while, as a route would while sending it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return Buffer.byteLength(text);
  });

const mb = (/** @type {number} */ n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(
  `| export of ${count.toLocaleString('en-US')} groups | answer | heap growth, streamed | as one string | streamed / answer |`,
);
console.log('| --- | --- | --- | --- | --- |');
for (const format of /** @type {const} */ (['csv', 'json', 'text'])) {
  const s = await streamed(format);
  const w = await whole(format);
  console.log(
    `| ${format} | ${mb(s.bytes)} | ${mb(s.growth)} | ${mb(w.growth)} | ${(s.growth / s.bytes).toFixed(2)} × ${s.growth <= s.bytes ? '(target ≤ 1 ×: met)' : '(target ≤ 1 ×: MISSED)'} |`,
  );
}
server.close();
