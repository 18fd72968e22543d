/**
 * Whether a group passes the filter box's query (core/matchers.ts): the one definition used by the
 * groups page and by the server's export, so an exported file holds what the page showed.
 */
import type { Group } from './metrics-types';
import { matches, matchesValue, type Query } from './matchers';

const haystacks = new WeakMap<Group, string>();

/** Everything free text matches, lower-cased, computed once per group object (groups are reused across polls). */
export function haystack(group: Group): string {
  let text = haystacks.get(group);
  if (text === undefined) {
    text = [...Object.values(group.labels), ...group.families.map((f) => f.name)].join('\n').toLowerCase();
    haystacks.set(group, text);
  }
  return text;
}

/** The query's label matchers, `@gateway` matchers and free words, all of them. */
export function matchesQuery(group: Group, query: Query): boolean {
  // A group without a gateway (one gateway only) is on "", as PromQL reads a missing label.
  for (const m of query.gatewayMatchers ?? []) if (!matchesValue(m, group.gateway ?? '')) return false;
  for (const m of query.matchers) if (!matches(m, group.labels)) return false;
  if (query.words.length) {
    const text = haystack(group);
    for (const w of query.words) if (!text.includes(w)) return false;
  }
  return true;
}
