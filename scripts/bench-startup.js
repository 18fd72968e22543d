// @ts-check
/**
 * The startup part (issue 27): what compiling the server buys, against baselines in the same run.
 *
 * - `pushboard --help`: the compiled command (`dist/server/cli.js`) against `node -e ''` (Node's
 *   own start), and the same command from source through tsx (how it ran before), in alternating
 *   order, median of each.
 * - The server's RSS with one viewer: the compiled server and the source one (tsx), in turns, each
 *   started afresh against the benchmark's gateway, one viewer reading the event stream to the end
 *   of its snapshot, RSS read from /proc 5 s later (no forced collection: as it runs for users).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtCli } from './built-server.js';

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const rssOf = (/** @type {number} */ pid) =>
  Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;

/** Milliseconds `node ARGS` takes to run to its end. @param {string[]} args @param {string} cwd */
function timed(args, cwd) {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: 'ignore' });
  return performance.now() - t0;
}

/**
 * One server (compiled or from source) with one viewer: its RSS once the viewer has its snapshot.
 * @param {{ root: string, argv: string[], gateway: URL, port: number }} options
 */
async function rssWithOneViewer({ root, argv, gateway, port }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-startup-'));
  const child = spawn(
    process.execPath,
    [...argv, '--gateway', gateway.href, '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Pushboard on')) resolve(undefined);
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    child.stdout.resume();
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/-/pushboard/events`, { signal: controller.signal });
    const decoder = new TextDecoder();
    let seen = '';
    const reading = (async () => {
      for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (response.body)) {
        seen = (seen + decoder.decode(chunk, { stream: true })).slice(-64);
        if (seen.includes('event: rest\n')) return;
      }
    })();
    await Promise.race([reading, sleep(120_000)]);
    await sleep(5000);
    const rss = rssOf(/** @type {number} */ (child.pid));
    controller.abort();
    return rss;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * @param {{ root: string, gateway: URL, port: number, runs?: number, log: (line: string) => void }} options
 * @returns {Promise<Array<[string, string, string, boolean]>>}
 */
export async function measureStartup({ root, gateway, port, runs = 7, log }) {
  const compiled = builtCli();
  const source = ['--import', 'tsx', path.join(root, 'server', 'cli.ts')];
  /** @type {{ bare: number[], compiled: number[], source: number[] }} */
  const help = { bare: [], compiled: [], source: [] };
  for (let i = 0; i < runs; i++) {
    /** @type {Array<'bare' | 'compiled' | 'source'>} */
    const order = i % 2 ? ['source', 'compiled', 'bare'] : ['bare', 'compiled', 'source'];
    for (const which of order) {
      const args = which === 'bare' ? ['-e', ''] : which === 'compiled' ? [compiled, '--help'] : [...source, '--help'];
      help[which].push(timed(args, root));
    }
  }
  const bare = median(help.bare);
  const helpCompiled = median(help.compiled);
  const helpSource = median(help.source);
  log(
    `startup: --help compiled ${help.compiled.map(Math.round).join(', ')} ms; from source ${help.source.map(Math.round).join(', ')} ms; node -e '' ${help.bare.map(Math.round).join(', ')} ms`,
  );

  /** @type {{ compiled: number[], source: number[] }} */
  const rss = { compiled: [], source: [] };
  for (let i = 0; i < 2; i++) {
    /** @type {Array<'compiled' | 'source'>} */
    const order = i % 2 ? ['compiled', 'source'] : ['source', 'compiled'];
    for (const which of order) {
      const argv = which === 'compiled' ? [compiled] : source;
      rss[which].push(await rssWithOneViewer({ root, argv, gateway, port }));
      log(`startup: RSS with one viewer, ${which}: ${(rss[which].at(-1) ?? 0) / 1e6} MB`);
    }
  }
  const rssCompiled = Math.min(...rss.compiled);
  const rssSource = Math.min(...rss.source);
  const mb = (/** @type {number} */ x) => `${(x / 1e6).toFixed(0)} MB`;
  return [
    [
      'startup: `pushboard --help`, compiled, against `node -e ""`',
      `${helpCompiled.toFixed(0)} ms vs ${bare.toFixed(0)} ms = ${(helpCompiled / bare).toFixed(2)} × (from source through tsx: ${helpSource.toFixed(0)} ms = ${(helpSource / bare).toFixed(2)} ×; medians of ${runs})`,
      '≤ 2.5 ×',
      helpCompiled / bare <= 2.5,
    ],
    [
      'startup: server RSS with one viewer, compiled against from source (tsx)',
      `${mb(rssCompiled)} vs ${mb(rssSource)} = ${(rssCompiled / rssSource).toFixed(2)} × (lower of 2 runs each: ${rss.compiled.map(mb).join(', ')}; ${rss.source.map(mb).join(', ')})`,
      '≤ 0.75 ×',
      rssCompiled / rssSource <= 0.75,
    ],
  ];
}
