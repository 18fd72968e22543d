/// <reference lib="webworker" />
/**
 * Fetching and reading /api/v1/metrics off the main thread: at 10,000 groups the body is 16 MB and
 * parsing it takes longer than a frame. Only what changed since the last poll goes back.
 */
import { GatewayError, httpError } from '../gateway/client';
import { parseGroup, parseGroups, sortingKey } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { compareGroups } from '../../core/order';
import { diffGroups, emptyMemory, type PollDiff } from '../../core/poll-diff';
import { FIRST_CHUNK, load, PATH, read, type Loaded } from './poll-load';

export { FIRST_CHUNK };

/**
 * The page's own early fetch of the metrics, handed over as bytes (null if it could not be made),
 * with how long it took from the request until the body was read.
 */
export type EarlyAnswer = {
  status: number;
  statusText: string;
  retryAfter: string | null;
  body: ArrayBuffer;
  fetchMs: number;
};
export type PollRequest =
  | { id: number; base: string; reset: boolean }
  | { id: number; rest: true }
  | { id: number; prefetch: string }
  | { id: number; prefetched: EarlyAnswer | null };
/** `fetchMs`: from the request until the body was read; absent when no answer came. */
export type PollReply =
  | { id: number; ok: true; diff: PollDiff; partial?: boolean; fetchMs?: number }
  | {
      id: number;
      ok: false;
      error: { kind: GatewayError['kind'] | 'other'; message: string; status?: number; retryAfter?: string };
      fetchMs?: number;
    };

let memory = emptyMemory();
/** The rest of a first load, held until the page has shown the first part. */
const held = new Map<number, PollReply>();
/** A first fetch started before the page knew its gateway base for sure, keyed by the base guessed. */
let early: { base: string; data: Promise<Loaded> } | undefined;
/** Hands the page's early answer to `early` when it arrives. */
let deliver: ((answer: EarlyAnswer | null) => void) | undefined;

/** Reads the page's early answer like load would; if the page could not fetch it, fetches here. */
function readEarly(base: string, answer: EarlyAnswer | null): Promise<Loaded> | Loaded {
  if (!answer) return load(base);
  const text = new TextDecoder().decode(answer.body);
  if (answer.status < 200 || answer.status > 299) {
    const error = httpError(PATH, answer.status, answer.statusText, text, answer.retryAfter);
    return { ok: false, error, fetchMs: answer.fetchMs };
  }
  return read(text, answer.fetchMs);
}

/**
 * A large first load: order every group by its key alone, build the first screenful and send it,
 * then build the rest (held until the page asks for it).
 */
function firstLoad(id: number, data: readonly unknown[], fetchMs: number): void {
  const seen = new Set<string>();
  const keyed = data.map((raw, index) => {
    const k = sortingKey(raw, index);
    if (seen.has(k.key)) k.key = `${k.key}#${index}`;
    seen.add(k.key);
    return { ...k, raw, index };
  });
  keyed.sort(compareGroups);
  const build = (k: (typeof keyed)[number]): Group => {
    const group = k.full ?? parseGroup(k.raw, k.index);
    group.key = k.key;
    return group;
  };
  const head = keyed.slice(0, FIRST_CHUNK).map(build);
  const order = keyed.map((k) => k.key);
  self.postMessage({ id, ok: true, partial: true, diff: { changed: head, removed: [], order } } satisfies PollReply);
  const result = diffGroups(memory, [...head, ...keyed.slice(FIRST_CHUNK).map(build)]);
  memory = result.memory;
  const rest = { changed: result.diff.changed.slice(FIRST_CHUNK), removed: [], order: null };
  held.set(id, { id, ok: true, diff: rest, fetchMs });
}

self.onmessage = async (event: MessageEvent<PollRequest>) => {
  if ('rest' in event.data) {
    const rest = held.get(event.data.id);
    held.delete(event.data.id);
    if (rest) self.postMessage(rest);
    return;
  }
  if ('prefetch' in event.data) {
    // The page has started the fetch itself (sooner than this worker could); its bytes follow.
    const base = event.data.prefetch;
    early = {
      base,
      data: new Promise<EarlyAnswer | null>((resolve) => (deliver = resolve)).then((a) => readEarly(base, a)),
    };
    return;
  }
  if ('prefetched' in event.data) {
    deliver?.(event.data.prefetched);
    deliver = undefined;
    return;
  }
  const { id, base, reset } = event.data;
  if (reset) memory = emptyMemory();
  const pending = early?.base === base ? early.data : load(base);
  early = undefined;
  const loaded = await pending;
  let reply: PollReply;
  try {
    if (!loaded.ok) throw loaded.error;
    const { data, fetchMs } = loaded;
    if (memory.prints.size === 0 && data.length > FIRST_CHUNK * 2) {
      // Copying 10,000 groups to the page takes a while: show the first screenful before that.
      firstLoad(id, data, fetchMs);
      return;
    }
    const result = diffGroups(memory, parseGroups(data).sort(compareGroups));
    memory = result.memory;
    reply = { id, ok: true, diff: result.diff, fetchMs };
  } catch (error) {
    const e = error as Error;
    reply = {
      id,
      ok: false,
      fetchMs: loaded.fetchMs,
      error:
        error instanceof GatewayError
          ? { kind: error.kind, message: e.message, status: error.status, retryAfter: error.retryAfter }
          : { kind: 'other', message: e.message },
    };
  }
  self.postMessage(reply);
};
