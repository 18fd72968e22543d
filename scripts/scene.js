#!/usr/bin/env node
// @ts-check
/**
 * `npm run scene`: a realistic, messy setup to try Pushboard as an SRE would, and to take the
 * README's screenshots: real gateways holding about 300 groups over a dozen jobs, aged as their
 * schedules say (scripts/age-gateway.js), a few failed pushes, live pushers, optionally a real
 * Prometheus scraping them, and the compiled Pushboard server (dist/server/cli.js) in front, with a prune rule in
 * dry run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startGateway } from '../server/local-gateway.ts';
import { plan, rewrite } from './age-gateway.js';
import { builtCli } from './built-server.js';
import { push } from './push.js';
import { sceneGroups } from './scene-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const usage = `usage: npm run scene -- [--port 8080] [--one-gateway] [--prometheus]

Starts two local gateways (eu and us, or one with --one-gateway) holding about 300 groups aged as
their jobs' schedules say, two jobs pushing live, optionally a real Prometheus scraping them
(--prometheus, one gateway only), and Pushboard in front at http://127.0.0.1:PORT/ with a prune
rule in dry run. Runs until Ctrl-C; everything it started stops with it.`;

/** The configuration the scene's Pushboard runs with: a realistic threshold and a rule in dry run. */
const config = (
  /** @type {string[]} */ gateways,
) => `# The scene's pushboard.yml (scripts/scene.js): the nightly and weekly jobs' schedules written down
${gateways.length > 1 ? `gateways:\n${gateways.join('\n')}\n` : ''}expect:
  - match: '{job="backup"}'
    cron: '0 2 * * *'
    grace: 1h
    stale_after: 26h
  - match: '{job="db_vacuum"}'
    cron: '30 3 * * *'
    grace: 1h
    stale_after: 26h
  - match: '{job="cert_renewal"}'
    every: 12h
    grace: 1h
    stale_after: 13h
  - match: '{job="weekly_report"}'
    cron: '0 6 * * 1'
    grace: 6h
    stale_after: 8d
prune:
  interval: 1m
  rules:
    - name: merged-branches
      match: '{job="ci_pipeline", branch!~"main|release-.*"}'
      older_than: 3d
`;

/**
 * @param {{ port: number, oneGateway?: boolean, prometheus?: boolean, log?: (line: string) => void }} options
 */
export async function startScene({ port, oneGateway = false, prometheus = false, log = console.log }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-scene-'));
  /** @type {Array<() => Promise<void> | void>} */
  const stops = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const taken of [port, port + 10, port + 11, port + 20]) {
      if (await listening(taken)) throw new Error(`port ${taken} is taken: is another scene running?`);
    }
    const now = Date.now() / 1000;
    const groups = sceneGroups(now).filter((g) => !oneGateway || g.gateway === 'eu' || g.labels.job !== 'batch_export');
    const names = oneGateway ? ['eu'] : ['eu', 'us'];
    /** @type {Record<string, URL>} */
    const urls = {};
    for (const [i, name] of names.entries()) {
      const listen = `127.0.0.1:${port + 10 + i}`;
      const dataDir = path.join(dir, name);
      const mine = groups.filter((g) => oneGateway || g.gateway === name);
      const first = await startGateway({ listen, dataDir });
      for (const group of mine) {
        const answer = await push(first.url, group.labels, group.body);
        if (answer.status >= 300)
          throw new Error(`push ${JSON.stringify(group.labels)}: ${answer.status} ${answer.text}`);
        // A refused push still marks the group as failed (1.11.0 drops the connection instead).
        if (group.fail) await push(first.url, group.labels, group.fail).catch(() => undefined);
      }
      const api = await (await fetch(new URL('api/v1/metrics', first.url))).json();
      const ages = new Map(mine.map((g) => [JSON.stringify(Object.entries(g.labels).sort()), g.age]));
      const changes = plan(api.data, (labels) =>
        Math.round(ages.get(JSON.stringify(Object.entries(labels).sort())) ?? 0),
      );
      await first.stop();
      const moved = rewrite(path.join(dataDir, 'pushgateway.data'), changes);
      const gateway = await startGateway({ listen, dataDir });
      stops.push(gateway.stop);
      urls[name] = gateway.url;
      log(`scene: gateway ${name} at ${gateway.url.href}: ${mine.length} groups, ${moved} times moved back`);
      for (const group of mine.filter((g) => g.live)) {
        const timer = setInterval(
          () => void push(gateway.url, group.labels, group.body).catch(() => {}),
          (group.live ?? 15) * 1000,
        );
        stops.push(() => clearInterval(timer));
      }
    }
    const args = [
      builtCli(),
      '--listen',
      `127.0.0.1:${port}`,
      '--stale-threshold',
      '2h',
      '--prune-dry-run',
      '--data-dir',
      path.join(dir, 'pushboard'),
    ];
    const entries = names.map((name) => `  - name: ${name}\n    url: ${urls[name].href}`);
    writeFileSync(path.join(dir, 'pushboard.yml'), config(names.length > 1 ? entries : []));
    args.push('--config', path.join(dir, 'pushboard.yml'));
    if (names.length === 1) args.push('--gateway', urls.eu.href);
    if (prometheus) {
      const prom = await startPrometheus(dir, port + 20, Object.values(urls));
      stops.push(prom.stop);
      args.push('--prometheus', prom.url);
    }
    const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    stops.push(
      () =>
        new Promise((resolve) =>
          server.exitCode !== null ? resolve(undefined) : (server.once('exit', resolve), server.kill()),
        ),
    );
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${url}-/pushboard/healthy`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    log(`scene: Pushboard at ${url}`);
    return { url, gateways: urls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** @param {number} port */
const listening = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * Debian's Prometheus, scraping the gateways every 15 s with honor_labels, as its docs advise.
 * @param {string} dir @param {number} port @param {URL[]} gateways
 */
async function startPrometheus(dir, port, gateways) {
  const targets = gateways.map((u) => u.host);
  const scrape = {
    global: { scrape_interval: '15s' },
    scrape_configs: [{ job_name: 'pushgateway', honor_labels: true, static_configs: [{ targets }] }],
  };
  writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(scrape));
  const child = spawn(
    'prometheus',
    [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/prom`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${url}-/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) =>
        child.exitCode !== null ? resolve(undefined) : (child.once('exit', resolve), child.kill()),
      ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      'one-gateway': { type: 'boolean' },
      prometheus: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const scene = await startScene({
    port: Number(values.port),
    oneGateway: values['one-gateway'] || values.prometheus,
    prometheus: values.prometheus,
  });
  const quit = async () => {
    await scene.stop();
    process.exit(0);
  };
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
}
