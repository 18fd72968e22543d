/**
 * The same grouping key on several gateways: a load balancer in front of gateways that never
 * sync, or a job pointed at two of them. For each such group, the others holding its key, how
 * much earlier or later they were pushed, and whether they hold the same values.
 */
import type { Group, Sample } from './metrics-types';

export interface Duplicate {
  /** The other gateway. */
  gateway: string;
  /** Its group's (merged) key. */
  key: string;
  /**
   * Its last successful push minus this group's, in seconds: negative when it was pushed
   * earlier. Null when either has never been pushed successfully.
   */
  pushTimeDelta: number | null;
  /**
   * Whether both hold the same families with the same types and the same samples (labels and
   * values). HELP and the families' time stamps are left aside: two pushes of the same data a
   * moment apart differ in those, and the question is whether the data differs.
   */
  sameValues: boolean;
}

const prints = new WeakMap<Group, string>();

const sortedLabels = (labels: Readonly<Record<string, string>>) =>
  Object.keys(labels)
    .sort()
    .map((name) => [name, labels[name]]);

function samplePrint(sample: Sample): string {
  const { labels, ...rest } = sample;
  return JSON.stringify([sortedLabels(labels), rest]);
}

/** The group's values as one string, computed once per Group object (unchanged groups keep theirs). */
export function valuesPrint(group: Group): string {
  let print = prints.get(group);
  if (print === undefined) {
    print = JSON.stringify(group.families.map((f) => [f.name, f.type, f.samples.map(samplePrint).sort()]));
    prints.set(group, print);
  }
  return print;
}

/**
 * For every group whose grouping key another gateway also holds, those others (by gateway name).
 * Groups without a gateway (one gateway only) and groups whose grouping key is unknown are left
 * out; two groups of one gateway never count as each other's duplicate.
 */
export function findDuplicates(groups: readonly Group[]): Map<string, Duplicate[]> {
  const bySelector = new Map<string, Group[]>();
  for (const group of groups) {
    if (group.gateway === undefined || Object.keys(group.labels).length === 0) continue;
    const same = bySelector.get(group.selector);
    if (same) same.push(group);
    else bySelector.set(group.selector, [group]);
  }
  const found = new Map<string, Duplicate[]>();
  for (const same of bySelector.values()) {
    if (same.length < 2) continue;
    for (const group of same) {
      const others = same
        .filter((other) => other.gateway !== group.gateway)
        .map((other) => ({
          gateway: other.gateway!,
          key: other.key,
          pushTimeDelta: group.pushTime > 0 && other.pushTime > 0 ? other.pushTime - group.pushTime : null,
          sameValues: valuesPrint(other) === valuesPrint(group),
        }))
        .sort((a, b) => (a.gateway < b.gateway ? -1 : a.gateway > b.gateway ? 1 : 0));
      if (others.length > 0) found.set(group.key, others);
    }
  }
  return found;
}
