/**
 * Reads a gateway in a worker thread (poll-thread.ts) and answers GatewayState's `readPoll`. The
 * thread starts on the first read; one that fails is started again on the next, and its first
 * answer then holds every group (`full`).
 */
import { Worker } from 'node:worker_threads';
import type { PollDiff } from '../../core/poll-diff';
import { decodeError } from '../../core/wire/error';
import type { GatewayCredentials } from '../proxy.ts';
import type { WireError } from '../../core/wire/error';
import type { ReadPoll } from './gateway-state';
import { compactDiff } from './compact';

export interface ThreadOptions {
  url: string;
  credentials: GatewayCredentials;
}

export type ThreadAnswer =
  | { id: number; ok: true; bytes: number; /** The PollDiff as JSON. */ diff: string; full: boolean }
  | { id: number; ok: false; error: WireError };

/** The thread's heap, sent after each read once that read's data is out of scope. */
export interface ThreadHeap {
  heapBytes: number;
}

interface Waiting {
  resolve: (read: ReadPoll) => void;
  reject: (error: Error) => void;
}

/** The thread could not run (or stopped): the caller reads on its own thread instead. */
export class ThreadUnavailable extends Error {}

export function threadReader(url: URL, credentials: GatewayCredentials = {}) {
  let current: { thread: Worker; waiting: Map<number, Waiting> } | undefined;
  let next = 0;
  /** The thread's heap after its last read (bytes), 0 while none runs. */
  let heapBytes = 0;
  /** Threads stopped by `stop`, whose end is no failure. */
  const stopped = new WeakSet<Worker>();
  const start = () => {
    // From source, ./poll-thread.js beside this file registers tsx and loads poll-thread.ts;
    // compiled, this code is in a chunk beside dist/server/cli.js and ./poll-thread.js is the
    // thread's own entry beside it (scripts/build-server.js builds both, chunks in the same folder).
    const thread = new Worker(new URL('./poll-thread.js', import.meta.url), {
      workerData: { url: url.href, credentials } satisfies ThreadOptions,
    });
    // Reads are asked for while viewers or holds keep the model polled; none keeps the process up.
    thread.unref();
    // Each thread answers its own reads: a stopped one fails only those it was asked.
    const waiting = new Map<number, Waiting>();
    thread.on('message', (answer: ThreadAnswer | ThreadHeap) => {
      if ('heapBytes' in answer) return void (heapBytes = answer.heapBytes);
      const w = waiting.get(answer.id);
      if (!w) return;
      waiting.delete(answer.id);
      if (answer.ok)
        w.resolve({ bytes: answer.bytes, diff: compactDiff(JSON.parse(answer.diff) as PollDiff), full: answer.full });
      else w.reject(decodeError(answer.error));
    });
    const gone = (error: Error) => {
      if (current?.thread === thread) {
        current = undefined;
        heapBytes = 0;
      }
      // Stopped on purpose (the server closing): the reads fail, and nothing takes them over.
      const why = stopped.has(thread)
        ? new Error('the gateway reader was stopped')
        : new ThreadUnavailable(`the thread reading the gateway stopped: ${error.message}`);
      for (const w of waiting.values()) w.reject(why);
      waiting.clear();
    };
    thread.on('error', gone);
    thread.on('exit', (code) => gone(new Error(`exit ${code}`)));
    return { thread, waiting };
  };
  return {
    read: (): Promise<ReadPoll> =>
      new Promise((resolve, reject) => {
        current ??= start();
        const id = next++;
        current.waiting.set(id, { resolve, reject });
        current.thread.postMessage({ id });
      }),
    heapBytes: () => heapBytes,
    /** Stops the thread; the next read starts another. */
    stop: () => {
      const stopping = current;
      current = undefined;
      if (!stopping) return;
      stopped.add(stopping.thread);
      void stopping.thread.terminate();
    },
  };
}
