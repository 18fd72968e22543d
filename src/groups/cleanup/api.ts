import type { QueryClient } from '@tanstack/react-query';
import { send } from '../../gateway/client';
import { groupToExposition } from '../../gateway/exposition';
import { groupPath } from '../../../core/group-path.js';
import { gatewayKeys } from '../../gateway/keys';
import type { Group } from '../../gateway/metrics-types';
import type { GroupsData } from '../api';

export interface Failure {
  group: Group;
  message: string;
}

export interface BatchResult {
  done: Group[];
  failed: Failure[];
}

/** Runs `action` on every group, at most `limit` at a time; every outcome is kept. */
async function eachGroup(
  groups: readonly Group[],
  action: (g: Group) => Promise<void>,
  limit = 6,
): Promise<BatchResult> {
  const result: BatchResult = { done: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++]!;
      try {
        await action(group);
        result.done.push(group);
      } catch (error) {
        result.failed.push({ group, message: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, groups.length) }, worker));
  return result;
}

/** DELETEs exactly these groups, each by its own @base64 path. */
export const deleteGroups = (groups: readonly Group[]) => eachGroup(groups, (g) => send(groupPath(g.labels), 'DELETE'));

/** PUTs each group back, rebuilt as text exposition from the data last seen. */
export const restoreGroups = (groups: readonly Group[]) =>
  eachGroup(groups, (g) => send(groupPath(g.labels), 'PUT', groupToExposition(g)));

/** Asks the gateway to delete every group (admin API only); it does so in the background. */
export const wipeGateway = () => send('api/v1/admin/wipe', 'PUT');

/** The cached list without the given groups: what the page shows while a delete is in flight. */
export function withoutGroups(data: GroupsData, keys: ReadonlySet<string>): GroupsData {
  const jobs = data.jobs
    .map((j) => ({ job: j.job, groups: j.groups.filter((g) => !keys.has(g.key)) }))
    .filter((j) => j.groups.length > 0);
  return { groups: data.groups.filter((g) => !keys.has(g.key)), jobs };
}

/** Removes groups from the cached list at once, and returns a function that puts some back. */
export async function removeOptimistically(queryClient: QueryClient, groups: readonly Group[]) {
  const key = gatewayKeys.metrics();
  await queryClient.cancelQueries({ queryKey: key });
  const before = queryClient.getQueryData<GroupsData>(key);
  const keys = new Set(groups.map((g) => g.key));
  queryClient.setQueryData<GroupsData>(key, (data) => data && withoutGroups(data, keys));
  return (failed: readonly Group[]) => {
    if (!before || failed.length === 0) return;
    const gone = new Set([...keys].filter((k) => !failed.some((g) => g.key === k)));
    queryClient.setQueryData<GroupsData>(key, withoutGroups(before, gone));
  };
}
