// @ts-check
/**
 * The push history's part of `npm run bench`: its memory at N groups of 64 pushes each, the
 * gateway reads a server makes with the history on, and the first tab after the server has run
 * with nobody watching (it reads the gateway by itself at its idle interval, so that tab finds
 * the groups already read).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPushboard, createHttpServer } from '../server/app.ts';
import { measureFirstGroups, measureRawFetch } from './bench-page.js';

/**
 * The history's memory at `groups` groups of 64 successful pushes each (heap and array buffers,
 * measured in a child with --expose-gc, a collection before and after; the keys are the model's
 * own strings and not counted), and the size and write time of its file.
 * @param {{ root: string, groups: number }} options
 * @returns {{ heapBytes: number, entryBytes: number, fileBytes: number, saveMs: number, loadMs: number }}
 */
export function measureHistoryMemory({ root, groups }) {
  const script = `
    import { mkdtempSync, statSync, rmSync } from 'node:fs';
    import { tmpdir } from 'node:os';
    import path from 'node:path';
    import { HistoryStore } from './server/history/store.ts';
    const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-history-'));
    const keys = Array.from({ length: ${groups} }, (_, i) => \`{job="bench_\${i % 100}", instance="host-\${i}"}\`);
    globalThis.gc(); globalThis.gc();
    const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const before = used();
    const store = new HistoryStore(dir, () => {});
    const t0 = 1_760_000_000;
    for (let p = 0; p < 64; p++) for (let i = 0; i < keys.length; i++) store.record(keys[i], t0 + p * 300 + (i % 7), 0);
    globalThis.gc(); globalThis.gc();
    const heapBytes = used() - before;
    let s = performance.now();
    await store.save();
    const saveMs = performance.now() - s;
    const fileBytes = statSync(store.file).size;
    s = performance.now();
    new HistoryStore(dir, () => {}).load();
    const loadMs = performance.now() - s;
    rmSync(dir, { recursive: true, force: true });
    console.log(JSON.stringify({ heapBytes, entryBytes: store.bytes, fileBytes, saveMs, loadMs }));
  `;
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

/**
 * A server started afresh that nobody has watched: it reads the gateway once at start and then
 * every idle interval. Once that read is in, a new tab's first groups, paired with (ii); then
 * the gateway reads while one tab watches for `watchMs`, against one per poll interval.
 * @param {{ browser: import('@playwright/test').Browser, root: string, gatewayUrl: URL, port: number,
 *   pairs: number, intervalMs: number, watchMs: number, log: (line: string) => void }} options
 */
export async function measureIdleFirstTab({ browser, root, gatewayUrl, port, pairs, intervalMs, watchMs, log }) {
  const ratios = [];
  const first = [];
  const raw = [];
  let reads = 0;
  for (let i = 0; i < pairs; i++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-data-'));
    const app = createPushboard({ gatewayUrl, distDir: path.join(root, 'dist'), log: () => {}, dataDir });
    const member = app.state.members[0]?.state;
    if (!member) throw new Error('no gateway');
    const polled = new Promise((resolve) => member.once('poll', resolve));
    const server = createHttpServer(app).listen(port, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/`;
    try {
      await polled;
      // Nobody watched: the server read the gateway by itself. (ii) first or second, alternately.
      const r1 = i % 2 === 0 ? await measureRawFetch(browser, url) : NaN;
      const { ms } = await measureFirstGroups(browser, url);
      const r = i % 2 === 0 ? r1 : await measureRawFetch(browser, url);
      raw.push(r);
      first.push(ms);
      ratios.push(ms / r);
      if (i === pairs - 1) {
        const page = await browser.newPage();
        // Every job open: folded, the overview shows no group card to wait for.
        await page.goto(`${url}?jobs=open`);
        await page.waitForSelector('article', { timeout: 60_000 });
        let count = 0;
        const counted = () => count++;
        member.on('poll', counted);
        await page.waitForTimeout(watchMs);
        member.off('poll', counted);
        reads = count;
        await page.close();
      }
    } finally {
      await new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  log(
    `bench: history: first tab after nobody watched ${first.map(Math.round).join(', ')} ms; raw ${raw.map(Math.round).join(', ')} ms; reads while watched ${reads} in ${watchMs} ms`,
  );
  return {
    firstMs: median(first),
    rawMs: median(raw),
    ratio: median(ratios),
    reads,
    expectedReads: Math.round(watchMs / intervalMs),
  };
}
