import type { Group, Labels } from '../../core/metrics-types';
import type { PollDiff } from '../../core/poll-diff';

/**
 * Makes freshly parsed groups cheaper to hold, before the model keeps them: the server holds every
 * group for as long as the gateway does (at 50,000 groups, 75 MB of answer), and JSON.parse gives
 * each occurrence of a text its own string and each series its own labels object.
 * - Equal texts within one read share one string (job names, HELP texts, push times, bucket
 *   bounds and counts repeat across groups and families). The pool lives for one read only, so
 *   no text outlives the groups that hold it.
 * - A series whose labels are exactly its group's (the usual case: a pushed series carries the
 *   grouping labels and nothing else) shares the group's labels object.
 * - A group's selector is its key's string when the two are equal.
 * Nothing is changed in value: the groups are equal (deep) before and after. Only objects nobody
 * else holds yet may be given: they are changed in place.
 */
export function compactGroups(groups: readonly Group[]): void {
  const pool = new Map<string, string>();
  const one = (text: string): string => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    pool.set(text, text);
    return text;
  };
  /** Every string in a parsed JSON value, shared through the pool (arrays and objects in place). */
  const share = (value: unknown): unknown => {
    if (typeof value === 'string') return one(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = share(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const name of Object.keys(record)) record[name] = share(record[name]);
    }
    return value;
  };
  for (const group of groups) {
    share(group);
    const mutable = group as { selector: string; families: Group['families'] };
    if (group.selector === group.key) mutable.selector = group.key;
    for (const family of group.families)
      for (const sample of family.samples)
        if (sameLabels(sample.labels, group.labels)) (sample as { labels: Labels }).labels = group.labels;
  }
}

/** Applies compactGroups to a read's changed groups; the diff itself, for chaining. */
export function compactDiff(diff: PollDiff): PollDiff {
  compactGroups(diff.changed);
  return diff;
}

function sameLabels(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  let n = 0;
  for (const name in a) {
    if (!Object.hasOwn(b, name) || a[name] !== b[name]) return false;
    n++;
  }
  return n === Object.keys(b).length;
}
