/// <reference lib="webworker" />
/**
 * Fetching and reading /api/v1/metrics off the main thread: at 10,000 groups the body is 16 MB and
 * parsing it takes longer than a frame. Only what changed since the last poll goes back.
 */
import { GatewayError, getJson, httpError, readJson, setGatewayBase } from '../gateway/client';
import { parseGroup, parseGroups, readEnvelope, sortingKey } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { compareGroups } from '../../core/order';
import { diffGroups, emptyMemory, type PollDiff } from '../../core/poll-diff';

/** The page's own early fetch of the metrics, handed over as bytes (null if it could not be made). */
export type EarlyAnswer = { status: number; statusText: string; body: ArrayBuffer };
export type PollRequest =
  | { id: number; base: string; reset: boolean }
  | { id: number; rest: true }
  | { id: number; prefetch: string }
  | { id: number; prefetched: EarlyAnswer | null };
export type PollReply =
  | { id: number; ok: true; diff: PollDiff; partial?: boolean }
  | { id: number; ok: false; error: { kind: GatewayError['kind'] | 'other'; message: string; status?: number } };

let memory = emptyMemory();
/** The rest of a first load, held until the page has shown the first part. */
const held = new Map<number, PollReply>();
/** A first fetch started before the page knew its gateway base for sure, keyed by the base guessed. */
let early: { base: string; data: Promise<unknown[]> } | undefined;
/** Hands the page's early answer to `early` when it arrives. */
let deliver: ((answer: EarlyAnswer | null) => void) | undefined;

/** A first load of thousands of groups goes in two messages: the top of the list, then the rest. */
export const FIRST_CHUNK = 400;

const PATH = 'api/v1/metrics';
const load = (base: string) => {
  setGatewayBase(base);
  return getJson(PATH, readEnvelope);
};

/** Reads the page's early answer like getJson would; if the page could not fetch it, fetches here. */
function readEarly(base: string, answer: EarlyAnswer | null): Promise<unknown[]> | unknown[] {
  if (!answer) return load(base);
  const text = new TextDecoder().decode(answer.body);
  if (answer.status < 200 || answer.status > 299) throw httpError(PATH, answer.status, answer.statusText, text);
  return readJson(text, PATH, readEnvelope);
}

/**
 * A large first load: order every group by its key alone, build the first screenful and send it,
 * then build the rest (held until the page asks for it).
 */
function firstLoad(id: number, data: readonly unknown[]): void {
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
  held.set(id, { id, ok: true, diff: { changed: result.diff.changed.slice(FIRST_CHUNK), removed: [], order: null } });
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
    early.data.catch(() => {}); // reported by the poll that uses it, if any
    return;
  }
  if ('prefetched' in event.data) {
    deliver?.(event.data.prefetched);
    deliver = undefined;
    return;
  }
  const { id, base, reset } = event.data;
  if (reset) memory = emptyMemory();
  let reply: PollReply;
  try {
    const pending = early?.base === base ? early.data : load(base);
    early = undefined;
    const data = await pending;
    if (memory.prints.size === 0 && data.length > FIRST_CHUNK * 2) {
      // Copying 10,000 groups to the page takes a while: show the first screenful before that.
      firstLoad(id, data);
      return;
    }
    const result = diffGroups(memory, parseGroups(data).sort(compareGroups));
    memory = result.memory;
    reply = { id, ok: true, diff: result.diff };
  } catch (error) {
    const e = error as Error;
    reply = {
      id,
      ok: false,
      error:
        error instanceof GatewayError
          ? { kind: error.kind, message: e.message, status: error.status }
          : { kind: 'other', message: e.message },
    };
  }
  self.postMessage(reply);
};
