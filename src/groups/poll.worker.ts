/// <reference lib="webworker" />
/**
 * Fetching and reading /api/v1/metrics off the main thread: at 10,000 groups the body is 16 MB and
 * parsing it takes longer than a frame. Only what changed since the last poll goes back.
 */
import { GatewayError, getJson, setGatewayBase } from '../gateway/client';
import { parseMetricsResponse } from '../gateway/metrics';
import type { Group } from '../gateway/metrics-types';
import { compareGroups } from './order';
import { diffGroups, emptyMemory, type PollDiff } from './poll-diff';

export type PollRequest =
  { id: number; base: string; reset: boolean } | { id: number; rest: true } | { id: number; prefetch: string };
export type PollReply =
  | { id: number; ok: true; diff: PollDiff; partial?: boolean }
  | { id: number; ok: false; error: { kind: GatewayError['kind'] | 'other'; message: string; status?: number } };

let memory = emptyMemory();
/** The rest of a first load, held until the page has shown the first part. */
const held = new Map<number, PollReply>();
/** A first fetch started before the page knew its gateway base for sure, keyed by the base guessed. */
let early: { base: string; groups: Promise<Group[]> } | undefined;

const load = (base: string) => {
  setGatewayBase(base);
  return getJson('api/v1/metrics', parseMetricsResponse);
};

/** A first load of thousands of groups goes in two messages: the top of the list, then the rest. */
export const FIRST_CHUNK = 400;

self.onmessage = async (event: MessageEvent<PollRequest>) => {
  if ('rest' in event.data) {
    const rest = held.get(event.data.id);
    held.delete(event.data.id);
    if (rest) self.postMessage(rest);
    return;
  }
  if ('prefetch' in event.data) {
    const base = event.data.prefetch;
    early = { base, groups: load(base) };
    early.groups.catch(() => {}); // reported by the poll that uses it, if any
    return;
  }
  const { id, base, reset } = event.data;
  if (reset) memory = emptyMemory();
  let reply: PollReply;
  try {
    const pending = early?.base === base ? early.groups : load(base);
    early = undefined;
    const groups = (await pending).sort(compareGroups);
    const result = diffGroups(memory, groups);
    memory = result.memory;
    const { changed, removed, order } = result.diff;
    if (changed.length > FIRST_CHUNK * 2) {
      // Copying 10,000 groups to the page takes a while: show the first screenful before that.
      const head: PollReply = {
        id,
        ok: true,
        partial: true,
        diff: { changed: changed.slice(0, FIRST_CHUNK), removed, order },
      };
      self.postMessage(head);
      reply = { id, ok: true, diff: { changed: changed.slice(FIRST_CHUNK), removed: [], order: null } };
    } else {
      reply = { id, ok: true, diff: result.diff };
    }
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
