// @ts-check
/**
 * The viewers part's server as a child process (the compiled `dist/server/cli.js`, as users run it), so its heap is its own,
 * and what the part reads from its and the gateways' own metrics.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtCli } from './built-server.js';

/**
 * `node dist/server/cli.js` following the gateways, with --expose-gc so its metrics report the heap
 * after a collection (PUSHBOARD_GC_BEFORE_METRICS). One gateway is given as a bare URL, as
 * before there could be several; more as NAME=URL each.
 * @param {{ root: string, gateways: Array<{ name: string, url: URL }>, port: number, args?: string[] }} options
 */
export async function startServer({ root, gateways, port, args = [] }) {
  const flags =
    gateways.length === 1
      ? ['--gateway', gateways[0]?.url.href ?? '']
      : gateways.flatMap(({ name, url }) => ['--gateway', `${name}=${url.href}`]);
  // Its push history in a folder of its own, not the checkout's data/.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-'));
  const argv = ['--expose-gc', builtCli(), ...flags, '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir, ...args];
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: { ...process.env, PUSHBOARD_GC_BEFORE_METRICS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Pushboard on')) resolve(undefined);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid,
    /** null while it runs. */
    exitCode: () => child.exitCode,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** The sum of the first group of every match of `line` in the text at `url`. @param {string} url @param {RegExp} line */
export async function scrape(url, line) {
  const text = await (await fetch(url)).text();
  let sum = 0;
  for (const m of text.matchAll(line)) sum += Number(m[1]);
  return sum;
}

/** A gateway's own count of /api/v1/metrics answers: how often it built the whole answer. */
export const gatewayBuilds = (/** @type {URL} */ gatewayUrl) =>
  scrape(
    new URL('metrics', gatewayUrl).href,
    /^pushgateway_http_requests_total\{[^}]*handler="api\/v1\/metrics"[^}]*\} (\S+)$/gm,
  );

/**
 * CPU seconds so far of the gateways (added up) and the server (their own
 * process_cpu_seconds_total) and of the tabs' main threads (Chromium's TaskDuration): where a
 * phase's work went.
 * @param {URL[]} gatewayUrls @param {string} metrics @param {Array<{ cpu: () => Promise<number> }>} tabs
 */
export async function cpuSeconds(gatewayUrls, metrics, tabs) {
  const cpu = /^(?:pushboard_)?process_cpu_seconds_total (\S+)$/gm;
  const each = await Promise.all(tabs.map((t) => t.cpu()));
  const gateways = await Promise.all(gatewayUrls.map((url) => scrape(new URL('metrics', url).href, cpu)));
  return {
    gateway: gateways.reduce((a, b) => a + b, 0),
    server: await scrape(metrics, cpu),
    tabs: each.reduce((a, b) => a + b, 0),
  };
}
