// @ts-check
/**
 * What compressing the event stream costs per viewer, for the three ways of doing it: each
 * measured in a process of its own, as the RSS that 300 viewers add when each is sent the same
 * 1.5 MB snapshot and reads none of it (what a stalled viewer holds).
 *
 * - per-stream: a zlib gzip stream per viewer at its defaults (what compression() did);
 * - bounded: the same with windowBits 10 and memLevel 2 (about 8 kB of zlib state);
 * - shared: the snapshot compressed once, the same bytes referenced by every viewer (stream-bytes.ts).
 *
 * In the per-stream ways the viewer's compressor also holds what it has not sent yet: nothing is
 * read, so its output stays in the stream's buffer and its input waits uncompressed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { constants, createGzip, deflateRawSync } from 'node:zlib';

const VIEWERS = 300;
const MODES = ['per-stream', 'bounded', 'shared'];

/** A snapshot-like text: JSON of varied groups, compressing about as the real one does. */
function snapshot() {
  const groups = Array.from({ length: 8000 }, (_, i) => ({
    key: `{job="batch_${i % 40}", instance="host-${i}"}`,
    families: [{ name: 'bench_runs_total', help: 'Runs of the batch job.', samples: [{ value: String(i * 3.7) }] }],
    pushTime: 1_700_000_000 + i * 17,
  }));
  return Buffer.from(JSON.stringify(groups));
}

async function measure(/** @type {string} */ mode) {
  const text = snapshot();
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const held = [];
  if (mode === 'shared') {
    const bytes = deflateRawSync(text, { finishFlush: constants.Z_SYNC_FLUSH });
    for (let i = 0; i < VIEWERS; i++) held.push([bytes]);
  } else {
    for (let i = 0; i < VIEWERS; i++) {
      const gzip = mode === 'bounded' ? createGzip({ windowBits: 10, memLevel: 2 }) : createGzip();
      // Copied per viewer, as a response's write of a string is.
      gzip.write(Buffer.from(text));
      gzip.flush();
      held.push(gzip);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  globalThis.gc?.();
  const after = process.memoryUsage().rss;
  return {
    mode,
    perViewerBytes: Math.max(0, (after - before) / VIEWERS),
    snapshotBytes: text.length,
    held: held.length,
  };
}

/** Each mode in a process of its own. @returns {Array<{ mode: string, perViewerBytes: number, snapshotBytes: number }>} */
export function measureCompression() {
  const self = fileURLToPath(import.meta.url);
  return MODES.map((mode) => {
    const run = spawnSync(process.execPath, ['--expose-gc', self, mode], { encoding: 'utf8' });
    return JSON.parse(run.stdout);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  console.log(JSON.stringify(await measure(process.argv[2])));
}
