import type { QueryClient } from '@tanstack/react-query';
import type { GatewayClient } from '../../gateway/client';
import { gatewayKey } from '../../../core/gateway-key';
import { groupToExposition } from '../../gateway/exposition';
import { groupPath } from '../../../core/group-path.js';
import { gatewayKeys } from '../../gateway/keys';
import { readEnvelope, sortingKey } from '../../../core/metrics';
import { PROTOBUF_CONTENT_TYPE } from '../../gateway/protobuf-types';
import { groupNeedsProtobuf } from '../../gateway/protobuf-group';
import type { Group } from '../../../core/metrics-types';
import type { GroupsData } from '../../data';
import { compareGroups } from '../../../core/order';
import type { UndoCopies } from './undo-copy';

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

/** A group's path on its own gateway (with several, under that gateway's base). */
const pathOf = (client: GatewayClient, g: Group) => client.onGateway(g.gateway, groupPath(g.labels));

/** DELETEs exactly these groups, each by its own @base64 path on its own gateway. */
export const deleteGroups = (client: GatewayClient, groups: readonly Group[]) =>
  eachGroup(groups, (g) => client.send(pathOf(client, g), 'DELETE'));

export interface RestoreResult extends BatchResult {
  /** Groups the gateway holds again (pushed since the delete): left as they are. */
  kept: Group[];
}

/**
 * The keys the groups' gateways hold right now, as the list writes them (with several gateways,
 * `@gateway="eu-1" {…}`): each gateway of these groups is asked once.
 */
async function heldKeys(client: GatewayClient, groups: readonly Group[]): Promise<Set<string>> {
  const gateways = [...new Set(groups.map((g) => g.gateway))];
  const held = new Set<string>();
  await Promise.all(
    gateways.map(async (gateway) => {
      const keys = await client.getJson(client.onGateway(gateway, 'api/v1/metrics'), (json) =>
        readEnvelope(json).map((raw, i) => sortingKey(raw, i).key),
      );
      for (const key of keys) held.add(gateway === undefined ? key : gatewayKey(gateway, key));
    }),
  );
  return held;
}

/**
 * Undo: PUTs back only the groups the gateway does not hold again: each group's exact copy from
 * the gateway's `/metrics` (see undo-copy.ts), or where there is none, rebuilt from the data last
 * seen, as text exposition, or as protobuf when a group holds a native histogram or float counts
 * (only gateways that show those hold them). A job that pushed a group since the delete has newer data than the
 * snapshot, so that group is kept as it is. If the gateway cannot be asked, nothing is written.
 */
export async function restoreGroups(
  client: GatewayClient,
  groups: readonly Group[],
  copies: UndoCopies,
): Promise<RestoreResult> {
  let held: Set<string>;
  try {
    held = await heldKeys(client, groups);
  } catch (error) {
    const message = `not restored, since the gateway could not be checked for newer data: ${error instanceof Error ? error.message : String(error)}`;
    return { done: [], kept: [], failed: groups.map((group) => ({ group, message })) };
  }
  const kept = groups.filter((g) => held.has(g.key));
  const absent = groups.filter((g) => !held.has(g.key));
  const result = await eachGroup(absent, async (g) => {
    const copy = copies.get(g.key);
    if (copy?.kind === 'lost') throw new Error(copy.reason);
    if (copy) return client.send(pathOf(client, g), 'PUT', copy.body, PROTOBUF_CONTENT_TYPE);
    if (!groupNeedsProtobuf(g)) return client.send(pathOf(client, g), 'PUT', groupToExposition(g));
    // The encoder is loaded only here, when Undo really writes protobuf.
    const { groupToProtobuf } = await import('../../gateway/protobuf-encode');
    return client.send(pathOf(client, g), 'PUT', groupToProtobuf(g), PROTOBUF_CONTENT_TYPE);
  });
  return { ...result, kept };
}

/**
 * Asks the gateway (with several, the one named) to delete every group (admin API only); it does
 * so in the background. There is no wipe of several gateways at once.
 */
export const wipeGateway = (client: GatewayClient, gateway?: string) =>
  client.send(client.onGateway(gateway, 'api/v1/admin/wipe'), 'PUT');

/** The list without the given groups: what the page shows while a delete is in flight. */
export function withoutGroups(data: GroupsData, keys: ReadonlySet<string>): GroupsData {
  return { ...data, groups: data.groups.filter((g) => !keys.has(g.key)) };
}

/** The list with these groups added where they belong, unless it holds them already (newer data wins). */
export function withGroups(data: GroupsData, groups: readonly Group[]): GroupsData {
  const held = new Set(data.groups.map((g) => g.key));
  const added = groups.filter((g) => !held.has(g.key));
  return added.length ? { ...data, groups: [...data.groups, ...added].sort(compareGroups) } : data;
}

/** Changes the cached list at once (an optimistic update), after stopping any poll in flight. */
export async function editCachedGroups(queryClient: QueryClient, edit: (data: GroupsData) => GroupsData) {
  const key = gatewayKeys.metrics();
  await queryClient.cancelQueries({ queryKey: key });
  queryClient.setQueryData<GroupsData>(key, (data) => data && edit(data));
}
