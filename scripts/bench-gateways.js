// @ts-check
/**
 * The benchmark's gateways: one holding every group, or with `--gateways N` N of them, each
 * holding its own share (distinct groups), each loaded from its fixture into a data directory of
 * its own, which it keeps when stopped and started again.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway } from '../server/local-gateway.ts';
import { ensureFixture } from './bench-fixture.js';

/**
 * The first gateway listens where the one gateway always did; the others from 19401 on (each
 * moved by `--port-offset`, for a machine where another run holds those).
 * @param {number} k @param {number} offset
 */
const listenOf = (k, offset) => `127.0.0.1:${(k === 0 ? 19392 : 19400 + k) + offset}`;

/**
 * @param {{ root: string, groups: number, count: number, log: (line: string) => void, portOffset?: number }} options
 */
export async function startBenchGateways({ root, groups, count, log, portOffset = 0 }) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`--gateways ${count}: a whole number, 1 or more`);
  if (groups % count !== 0) throw new Error(`--groups ${groups} does not split evenly over ${count} gateways`);
  const share = groups / count;
  /** @type {Array<{ name: string, url: URL, listen: string, dataDir: string, stop: () => Promise<void> }>} */
  const gateways = [];
  const stopAll = async () => {
    for (const g of gateways) {
      await g.stop();
      rmSync(g.dataDir, { recursive: true, force: true });
    }
  };
  // Every fixture first: preparing one (pushing into a gateway of its own) is not to share the
  // machine with the gateways already started.
  const dir = path.join(root, '.data', 'bench');
  const fixtures = [];
  for (let k = 0; k < count; k++) {
    fixtures.push(await ensureFixture({ dir, groups: share, offset: share * k, port: 19391 + portOffset, log }));
  }
  try {
    for (const [k, fixture] of fixtures.entries()) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-bench-'));
      const listen = listenOf(k, portOffset);
      const name = count > 1 ? `gw-${k + 1}` : 'default';
      try {
        copyFileSync(fixture, path.join(dataDir, 'pushgateway.data'));
        gateways.push({ name, listen, dataDir, ...(await startGateway({ listen, dataDir })) });
      } catch (error) {
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    gateways,
    /** Starts the k-th gateway again after its `stop()`, from the data it wrote on stopping. @param {number} k */
    restart: async (k) => {
      const g = gateways[k];
      if (!g) throw new Error(`no gateway ${k}`);
      Object.assign(g, await startGateway({ listen: g.listen, dataDir: g.dataDir }));
    },
    stopAll,
  };
}
