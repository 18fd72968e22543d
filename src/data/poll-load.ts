/**
 * One read of the gateway's /api/v1/metrics and its parse into a diff against the last read: the
 * work of the shared poll's worker (shared/shared.worker.ts). Fetching and parsing 16 MB takes
 * longer than a frame, so it never runs on a page's main thread.
 */
import { createGatewayClient, GatewayError, readJson } from '../gateway/client';
import { parseGroup, parseGroups, readEnvelope, sortingKey } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { compareGroups } from '../../core/order';
import { diffGroups, type DiffMemory, type PollDiff } from '../../core/poll-diff';

/** One read of the metrics: the groups, or why not; timed whenever an answer arrived. */
export type Loaded = { ok: true; data: unknown[]; fetchMs: number } | { ok: false; error: unknown; fetchMs?: number };

const PATH = 'api/v1/metrics';

/** A first load of thousands of groups goes in two parts: the top of the list, then the rest. */
export const FIRST_CHUNK = 400;

/** Reads an answer's text; an error of the parse still counts the fetch's time. */
function read(text: string, fetchMs: number): Loaded {
  try {
    return { ok: true, data: readJson(text, PATH, readEnvelope), fetchMs };
  } catch (error) {
    return { ok: false, error, fetchMs };
  }
}

export async function load(base: string): Promise<Loaded> {
  const gateway = createGatewayClient(base);
  const started = performance.now();
  let text: string;
  try {
    text = await gateway.getJsonText(PATH);
  } catch (error) {
    // An HTTP error was read to its end (its reason is in the message); a network error has no answer.
    const answered = error instanceof GatewayError && error.kind === 'http';
    return { ok: false, error, fetchMs: answered ? performance.now() - started : undefined };
  }
  return read(text, performance.now() - started);
}

/**
 * Orders every group by its key alone and builds the first screenful, which `onHead` gets (with
 * every key in display order) before the rest is built: at 10,000 groups that is most of the parse.
 */
function parseWithHead(data: readonly unknown[], onHead: (head: Group[], order: string[]) => void): Group[] {
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
  onHead(
    head,
    keyed.map((k) => k.key),
  );
  return [...head, ...keyed.slice(FIRST_CHUNK).map(build)];
}

/**
 * The groups of one read as a diff against `memory`. A large first read (nothing remembered)
 * hands its first screenful to `onHead` before the rest is parsed.
 */
export function diffRead(
  memory: DiffMemory,
  data: readonly unknown[],
  onHead?: (head: Group[], order: string[]) => void,
): { diff: PollDiff; memory: DiffMemory } {
  const large = memory.prints.size === 0 && data.length > FIRST_CHUNK * 2;
  const groups = large && onHead ? parseWithHead(data, onHead) : parseGroups(data).sort(compareGroups);
  return diffGroups(memory, groups);
}
