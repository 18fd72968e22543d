import type { Group } from '../../../core/metrics-types';

/**
 * A group is stale when its last successful push is older than the threshold; a group that was
 * never pushed successfully (only failed pushes) is stale too.
 */
export function isStale(group: Group, thresholdSeconds: number, nowMs: number): boolean {
  if (group.pushTime <= 0) return true;
  return nowMs / 1000 - group.pushTime > thresholdSeconds;
}

/**
 * The stale groups; `overrides` holds the thresholds that groups' written expectations set
 * (`stale_after` in the server's configuration), which beat the page's one threshold.
 */
export function staleGroups(
  groups: readonly Group[],
  thresholdSeconds: number,
  nowMs: number,
  overrides?: ReadonlyMap<string, number>,
): Group[] {
  if (!overrides?.size) return groups.filter((g) => isStale(g, thresholdSeconds, nowMs));
  return groups.filter((g) => isStale(g, overrides.get(g.key) ?? thresholdSeconds, nowMs));
}
