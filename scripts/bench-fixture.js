// @ts-check
/**
 * The benchmark's gateway: 10,000 groups (4 families each, one a 12-bucket histogram), or with
 * `--gateways N` a share of them on each, pushed once into a persistence file under .data/bench/
 * and reused by later runs, since pushing slows down as the gateway fills (about 50 pushes a
 * second at 5,000 groups on 2 cores, with the consistency check on).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { startGateway } from '../server/local-gateway.ts';
import { push } from './push.js';

const BOUNDS = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'];

/** @param {number} i */
export function benchGroup(i) {
  const labels = {
    job: `batch_${i % 40}`,
    instance: `host-${i}`,
    ...(i % 5 === 0 ? { env: i % 10 ? 'prod' : 'dev' } : {}),
  };
  let body = `# HELP bench_runs_total Runs of the batch job.\n# TYPE bench_runs_total counter\nbench_runs_total ${i * 3}\n`;
  body += `# HELP bench_last_duration_seconds Duration of the last run.\n# TYPE bench_last_duration_seconds gauge\nbench_last_duration_seconds ${(i % 97) + 0.5}\n`;
  body += `# TYPE bench_ok untyped\nbench_ok ${i % 13 ? 1 : 0}\n`;
  body += '# HELP bench_step_seconds Step latency.\n# TYPE bench_step_seconds histogram\n';
  BOUNDS.forEach((le, b) => (body += `bench_step_seconds_bucket{le="${le}"} ${b * 2 + (i % 3)}\n`));
  body += `bench_step_seconds_sum ${i / 10}\nbench_step_seconds_count ${BOUNDS.length * 2}\n`;
  return { labels, body };
}

/**
 * Makes sure the fixture exists (pushing it if not) and returns its path. It holds the groups
 * `offset` to `offset + groups - 1` (benchGroup), so fixtures at different offsets hold distinct
 * groups: one each for the gateways of `--gateways N`. The name carries the offset unless it is
 * 0, which keeps the one gateway's fixture where it always was.
 * @param {{ dir: string, groups: number, offset?: number, port: number, log: (line: string) => void }} options
 */
export async function ensureFixture({ dir, groups, offset = 0, port, log }) {
  const name = offset ? `${groups}-from-${offset}` : `${groups}`;
  const file = path.join(dir, `pushgateway-${name}.data`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const work = path.join(dir, `work-${name}`);
  log(`bench: preparing ${groups} groups once into ${file} (a few minutes)`);
  // The consistency check makes each push scan every group: off while loading the fixture.
  const gateway = await startGateway({
    listen: `127.0.0.1:${port}`,
    dataDir: work,
    extraArgs: ['--push.disable-consistency-check'],
  });
  try {
    let next = 0;
    const worker = async () => {
      while (next < groups) {
        const n = next++;
        const i = offset + n;
        const { labels, body } = benchGroup(i);
        const { status, text } = await push(gateway.url, labels, body);
        if (status >= 300) throw new Error(`push ${i} failed: ${status} ${text}`);
        if (n % 1000 === 999) log(`bench: pushed ${n + 1}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    await gateway.stop(); // SIGTERM: the gateway writes its persistence file
  }
  copyFileSync(path.join(work, 'pushgateway.data'), `${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  return file;
}
