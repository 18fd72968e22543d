import type { Group } from '../../../core/metrics-types';

/**
 * A group is stale when its last successful push is older than the threshold; a group that was
 * never pushed successfully (only failed pushes) is stale too.
 */
export function isStale(group: Group, thresholdSeconds: number, nowMs: number): boolean {
  if (group.pushTime <= 0) return true;
  return nowMs / 1000 - group.pushTime > thresholdSeconds;
}

export function staleGroups(groups: readonly Group[], thresholdSeconds: number, nowMs: number): Group[] {
  return groups.filter((g) => isStale(g, thresholdSeconds, nowMs));
}
