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

export interface DiffMemory {
  prints: Map<string, string>;
  order: string[];
}

export const emptyMemory = (): DiffMemory => ({ prints: new Map(), order: [] });

/** Compares this poll's groups (already in display order) with the memory of the last one. */
export function diffGroups(memory: DiffMemory, groups: readonly Group[]): { diff: PollDiff; memory: DiffMemory } {
  const prints = new Map<string, string>();
  const changed: Group[] = [];
  const order = groups.map((g) => g.key);
  for (const g of groups) {
    const print = fingerprint(g);
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
