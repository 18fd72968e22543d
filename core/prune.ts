/**
 * Prune rules: which groups a rule deletes, and from when. One definition for the server, which
 * runs the rules, and the page, which shows on each group when a rule will delete it.
 */
import { formatMatchers, matchesAll, type Matcher } from './matchers';
import type { Group } from './metrics-types';

export interface PruneRule {
  name: string;
  /** The selector as written in the configuration. */
  match: string;
  matchers: Matcher[];
  /** No push at all, successful or failed, for this long (seconds). */
  olderThan?: number;
  /** The last push failed and none has succeeded for this long (seconds). */
  failingFor?: number;
  /**
   * No successful push for this many of the group's usual (or expected) intervals; a group
   * without a known interval is never due by it.
   */
  lateFor?: number;
  /** Only groups on these gateways (by name); absent for every gateway. */
  gateways?: readonly string[];
}

/** A group's usual or expected interval (seconds) by its key, when one is known. */
export type IntervalOf = (key: string) => number | undefined;

/** How the page and the log write a rule: `{job=~"ci_.*"} older than 1d`. */
export function describeRule(rule: PruneRule, formatSeconds: (s: number) => string): string {
  const conditions = [
    rule.olderThan !== undefined ? `no push for ${formatSeconds(rule.olderThan)}` : '',
    rule.failingFor !== undefined ? `failing for ${formatSeconds(rule.failingFor)}` : '',
    rule.lateFor !== undefined ? `late for ${rule.lateFor} × the usual interval` : '',
  ].filter(Boolean);
  return `${formatMatchers(rule.matchers)} ${conditions.join(' and ')}`;
}

/**
 * When (Unix seconds) the rule makes this group due for deletion, or null when it never will as
 * the group stands: its labels do not match, its push times are unknown, it is on a gateway the
 * rule does not name, or (for `failing_for`) its last push succeeded. A malformed group is never
 * pruned: its key may not be its real one. A group without a gateway comes from the only one,
 * which the configuration checked the rule's `gateways` against.
 *
 * - `older_than`: from the group's last push of any kind (the later of its last successful and
 *   last failed push).
 * - `failing_for`: from its last successful push; a group that never succeeded counts from its
 *   last failed push (the first failure is not known, so this errs on the side of keeping it).
 * - `late_for`: from its last successful push, `late_for` × its usual interval (`intervalOf`).
 */
export function dueAt(group: Group, rule: PruneRule, intervalOf?: IntervalOf): number | null {
  if (group.problem || !matchesAll(rule.matchers, group.labels)) return null;
  if (rule.gateways && group.gateway !== undefined && !rule.gateways.includes(group.gateway)) return null;
  const times: number[] = [];
  if (rule.olderThan !== undefined) {
    const last = Math.max(group.pushTime, group.failureTime);
    if (last <= 0) return null;
    times.push(last + rule.olderThan);
  }
  if (rule.failingFor !== undefined) {
    if (group.lastPushSuccessful) return null;
    const since = group.pushTime > 0 ? group.pushTime : group.failureTime;
    if (since <= 0) return null;
    times.push(since + rule.failingFor);
  }
  if (rule.lateFor !== undefined) {
    const interval = intervalOf?.(group.key);
    if (interval === undefined || group.pushTime <= 0) return null;
    times.push(group.pushTime + rule.lateFor * interval);
  }
  return times.length > 0 ? Math.max(...times) : null;
}

/** The rule that will delete this group soonest, and when (the earlier rule on a tie). */
export function firstDue(
  group: Group,
  rules: readonly PruneRule[],
  intervalOf?: IntervalOf,
): { rule: string; at: number } | null {
  let first: { rule: string; at: number } | null = null;
  for (const rule of rules) {
    const at = dueAt(group, rule, intervalOf);
    if (at !== null && (first === null || at < first.at)) first = { rule: rule.name, at };
  }
  return first;
}

/** A span of time in at most its two largest units, as the log and the cards write it: "45s", "3h 10m", "1d 2h". */
export function formatSpan(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest < 60) return `${rest}s`;
  const parts: string[] = [];
  for (const [size, unit] of [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ] as const) {
    if (rest >= size || parts.length > 0) {
      const n = Math.floor(rest / size);
      rest -= n * size;
      if (n > 0) parts.push(`${n}${unit}`);
      else if (parts.length > 0) break;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
