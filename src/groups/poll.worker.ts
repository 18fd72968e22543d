/// <reference lib="webworker" />
/**
 * Fetching and reading /api/v1/metrics off the main thread: at 10,000 groups the body is 16 MB and
 * parsing it takes longer than a frame. Only what changed since the last poll goes back.
 */
import { GatewayError, getJson, setGatewayBase } from '../gateway/client';
import { parseMetricsResponse } from '../gateway/metrics';
import { compareGroups } from './order';
import { diffGroups, emptyMemory, type PollDiff } from './poll-diff';

export type PollRequest = { id: number; base: string; reset: boolean };
export type PollReply =
  | { id: number; ok: true; diff: PollDiff; partial?: boolean }
  | { id: number; ok: false; error: { kind: GatewayError['kind'] | 'other'; message: string; status?: number } };

let memory = emptyMemory();

/** A first load of thousands of groups goes in two messages: the top of the list, then the rest. */
export const FIRST_CHUNK = 400;

self.onmessage = async (event: MessageEvent<PollRequest>) => {
  const { id, base, reset } = event.data;
  if (reset) memory = emptyMemory();
  let reply: PollReply;
  try {
    setGatewayBase(base);
    const groups = (await getJson('api/v1/metrics', parseMetricsResponse)).sort(compareGroups);
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
