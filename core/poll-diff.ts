import type { Group } from './metrics-types';

/**
 * Polls at 10,000 groups must not redo work for groups that did not change. The worker remembers a
 * fingerprint per group and sends only what changed; the page keeps its Group objects for the
 * rest, so unchanged rows are the same objects and are not re-rendered.
 */
export interface PollDiff {
  changed: Group[];
  removed: string[];
  /** Every key in display order, or null when the order is as before. */
  order: string[] | null;
}

/** Changes whenever a push, a failed push or a delete touches the group: every push restamps its families. */
export function fingerprint(group: Group): string {
  let text = `${group.pushTime}|${group.failureTime}|${group.lastPushSuccessful}|${group.problem ?? ''}`;
  for (const f of group.families) text += `|${f.name}@${f.timeStamp}#${f.samples.length}`;
  return text;
}

/**
 * A fingerprint's 53-bit digest (cyrb53): what the memory keeps. The text itself was ~230 bytes a
 * group (11 MB of a reader's heap at 50,000 groups); a digest is one number. Two different texts
 * share a digest with odds of about 1 in 9e15, and a push changes its group's text every time.
 */
export function digest(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface DiffMemory {
  /** Each group's fingerprint digest, by key. */
  prints: Map<string, number>;
  order: string[];
}

export const emptyMemory = (): DiffMemory => ({ prints: new Map(), order: [] });

/** Compares this poll's groups (already in display order) with the memory of the last one. */
export function diffGroups(memory: DiffMemory, groups: readonly Group[]): { diff: PollDiff; memory: DiffMemory } {
  const prints = new Map<string, number>();
  const changed: Group[] = [];
  const order = groups.map((g) => g.key);
  for (const g of groups) {
    const print = digest(fingerprint(g));
    prints.set(g.key, print);
    if (memory.prints.get(g.key) !== print) changed.push(g);
  }
  const removed = [...memory.prints.keys()].filter((k) => !prints.has(k));
  const sameOrder = order.length === memory.order.length && order.every((k, i) => k === memory.order[i]);
  return { diff: { changed, removed, order: sameOrder ? null : order }, memory: { prints, order } };
}

export interface GroupStore {
  byKey: Map<string, Group>;
  order: string[];
}

/** Applies a diff; returns whether anything changed. */
export function applyDiff(store: GroupStore, diff: PollDiff): boolean {
  for (const g of diff.changed) store.byKey.set(g.key, g);
  for (const k of diff.removed) store.byKey.delete(k);
  if (diff.order) store.order = diff.order;
  return diff.changed.length > 0 || diff.removed.length > 0 || diff.order !== null;
}

/** The store's groups in display order: the list the page shows, built the same way everywhere. */
export function listOf(store: GroupStore): Group[] {
  const groups: Group[] = [];
  for (const key of store.order) {
    const group = store.byKey.get(key);
    if (group) groups.push(group);
  }
  return groups;
}
