/**
 * A worker thread that reads one gateway for the server: fetches `/api/v1/metrics`, parses,
 * validates and orders it with the one model (core/), and diffs it against its last read. The
 * server's own thread only applies the diff, so serving pages and the stream never waits on the
 * 15 MB parse of a 10,000-group gateway (which held the event loop for about 0.6 s every poll).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { diffGroups, emptyMemory } from '../../core/poll-diff';
import { encodeError } from '../../core/wire/error';
import { gatewayClient } from './fetch-gateway';
import { METRICS_PATH, readGroups } from './gateway-state';
import type { ThreadAnswer, ThreadOptions } from './poll-worker';

const { url, credentials } = workerData as ThreadOptions;
const client = gatewayClient(new URL(url), credentials);
let memory = emptyMemory();
/**
 * The benchmark reads the heap after a collection (see server-state.ts); a worker takes no
 * --expose-gc of its own, so it asks V8 for the collector here. Never set otherwise.
 */
const collect =
  process.env.PUSHBOARD_GC_BEFORE_METRICS === '1'
    ? (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void)
    : undefined;
let full = true;

parentPort!.on('message', async ({ id }: { id: number }) => {
  let answer: ThreadAnswer;
  try {
    const { text, bytes } = await client.get(METRICS_PATH);
    const read = diffGroups(memory, readGroups(text));
    memory = read.memory;
    // As JSON text: the server's thread parses it into compact objects (a structured clone of
    // 10,000 groups took about 10% more of its heap), and sending a string copies no object graph.
    answer = { id, ok: true, bytes, diff: JSON.stringify(read.diff), full };
    full = false;
  } catch (error) {
    answer = {
      id,
      ok: false,
      error: encodeError(error),
    };
  }
  parentPort!.postMessage(answer);
  // This thread's heap counts in the server's memory too (pushboard_gateway_reader_heap_bytes):
  // measured once this read's answer text and groups are out of scope.
  setImmediate(() => {
    collect?.();
    parentPort!.postMessage({ heapBytes: getHeapStatistics().used_heap_size });
  });
});
