/**
 * The snapshot a new viewer receives, as the text of its two events. At 10,000 groups the JSON is
 * about as large as the gateway's answer, and making it takes the server's one thread for a
 * while: it is made once per version of the model and shared by every viewer that arrives before
 * the next change (a page reloaded by many people, every tab reconnecting after a network blip).
 * Only the poll status, which changes with every poll, is written per viewer. Texts nobody asked
 * for in a while are let go: held for good, they would add the size of the gateway's answer to
 * the server's memory for as long as the data stays unchanged.
 */
import type { Group } from '../../core/metrics-types';
import type { PollStatus } from '../../core/wire/stream';
import { WIRE_VERSION } from '../../core/wire/version';

/** What the snapshot texts are made from: the model's version and its groups in display order. */
export interface SnapshotSource {
  version: number;
  status: PollStatus;
  snapshot(): { version: number; groups: Group[] };
}

export interface SnapshotTexts {
  /** The `snapshot` event's data: the first screenful and how many groups there are in all. */
  first: string;
  /**
   * The `rest` event's data, or null when the first screenful holds every group. Made a slice
   * of groups at a time, letting other work run in between (the first event's compression and
   * sending, other viewers, polls): in one piece it held the server's thread for 110 ms and more.
   */
  rest: Promise<string> | null;
}

/** How long snapshot texts are kept after they were last asked for. */
export const KEEP_TEXTS_MS = 10_000;
/** Groups serialized between two turns of the event loop. */
export const SLICE = 500;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `JSON.stringify({ version, order, groups })`, a slice at a time. The order of every group goes
 * here, not in the first event, which then holds only what the first screen needs.
 */
export async function restText(
  version: number,
  order: readonly string[],
  groups: readonly Group[],
  slice = SLICE,
): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < groups.length; i += slice) {
    if (i > 0) await turn();
    parts.push(JSON.stringify(groups.slice(i, i + slice)).slice(1, -1));
  }
  await turn();
  return `{"version":${version},"order":${JSON.stringify(order)},"groups":[${parts.join(',')}]}`;
}

/** HELP texts in the page are cut to this many characters; the stream brings them whole. */
export const PAGE_HELP_CHARS = 1024;

/** A group as the page carries it: every HELP text longer than `chars` cut, marked with "…". */
export function withCutHelp(group: Group, chars = PAGE_HELP_CHARS): Group {
  if (!group.families.some((f) => f.help.length > chars)) return group;
  return {
    ...group,
    families: group.families.map((f) => (f.help.length > chars ? { ...f, help: `${f.help.slice(0, chars)}…` } : f)),
  };
}

/**
 * The JSON of the first groups: at most `count`, and no more than `maxBytes` of them (but never
 * fewer than none: a first group larger than that waits for the rest, like those after it).
 */
export function firstGroups(
  groups: readonly Group[],
  count: number,
  maxBytes: number,
  shape: (group: Group) => Group = (g) => g,
): { json: string; count: number } {
  const parts: string[] = [];
  let bytes = 2;
  for (const group of groups.slice(0, count)) {
    const text = JSON.stringify(shape(group));
    bytes += text.length + 1;
    if (bytes > maxBytes) break;
    parts.push(text);
  }
  return { json: `[${parts.join(',')}]`, count: parts.length };
}

export function snapshotTexts(
  serverId: string,
  firstScreen: number,
  { keepMs = KEEP_TEXTS_MS, firstBytes = Infinity }: { keepMs?: number; firstBytes?: number } = {},
) {
  let cached: { version: number; head: string; complete: boolean; rest: Promise<string> | null } | undefined;
  let page: { version: number; status: unknown; before: string; after: string; text?: string } | undefined;
  let release: NodeJS.Timeout | undefined;
  // The fields before the model's version, as encodeSnapshot (core/wire/stream.ts) writes them.
  const lead = `{"wire":${JSON.stringify(WIRE_VERSION)},"server":${JSON.stringify(serverId)},"version":`;
  /**
   * The same first event with only the first `count` groups (and at most `maxBytes` of them, each
   * HELP cut to PAGE_HELP_CHARS), for the page to carry: what one screen shows, since every byte
   * of it delays the page. Made once per version and status: the same string until either changes.
   */
  const pageFirst = (state: SnapshotSource, count: number, maxBytes = Infinity): string => {
    if (page?.version !== state.version) {
      const { groups, version } = state.snapshot();
      const head = firstGroups(groups, count, maxBytes, withCutHelp);
      page = {
        version,
        status: undefined,
        before: `${lead}${version},"status":`,
        after: `,"total":${groups.length},"groups":${head.json},"complete":${head.count === groups.length}}`,
      };
    }
    // The status changes with every poll.
    if (page.text === undefined || page.status !== state.status) {
      page.status = state.status;
      page.text = `${page.before}${JSON.stringify(state.status)}${page.after}`;
    }
    return page.text;
  };
  const texts = (state: SnapshotSource): SnapshotTexts => {
    clearTimeout(release);
    release = setTimeout(() => (cached = undefined), keepMs);
    release.unref?.();
    if (cached?.version !== state.version) {
      const { groups, version } = state.snapshot();
      const head = firstGroups(groups, firstScreen, firstBytes);
      const complete = head.count === groups.length;
      cached = {
        version,
        head: `"total":${groups.length},"groups":${head.json}`,
        complete,
        rest: complete
          ? null
          : restText(
              version,
              groups.map((g) => g.key),
              groups.slice(head.count),
            ),
      };
    }
    // The same fields, in the same order, as JSON.stringify of the whole event would write.
    const first =
      `${lead}${cached.version},` +
      `"status":${JSON.stringify(state.status)},${cached.head},"complete":${cached.complete}}`;
    return { first, rest: cached.rest };
  };
  return Object.assign(texts, { pageFirst });
}
