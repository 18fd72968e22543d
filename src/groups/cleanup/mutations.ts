import { useMutation, useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { gatewayKeys } from '../../gateway/keys';
import type { Group } from '../../../core/metrics-types';
import type { GroupsData } from '../../data';
import {
  deleteGroups,
  editCachedGroups,
  restoreGroups,
  wipeGateway,
  withGroups,
  withoutGroups,
  type BatchResult,
  type Failure,
} from './api';
import type { NewNotice } from './notice-types';
import { readUndoCopies, type UndoCopies } from './undo-copy';
import { useGatewayClient } from '../../gateway/client-context';
import { formatCount } from '../../lib/format';

export const cleanupKeys = {
  delete: ['cleanup', 'delete'] as const,
  restore: ['cleanup', 'restore'] as const,
  wipe: ['cleanup', 'wipe'] as const,
};

/** A batch in which some groups failed: `onError` puts back exactly those. */
class BatchError extends Error {
  constructor(
    readonly result: BatchResult,
    readonly copies?: UndoCopies,
  ) {
    super(`${formatCount(result.failed.length)} of ${formatCount(result.failed.length + result.done.length)} failed`);
  }
}

/** What each group's outcome was, whether the batch threw a BatchError or failed as a whole. */
function outcome(error: Error, groups: readonly Group[]): BatchResult {
  if (error instanceof BatchError) return error.result;
  return { done: [], failed: groups.map((group) => ({ group, message: error.message })) };
}

const failedGroups = (failures: readonly Failure[]) => failures.map((f) => f.group);

const refetch = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: gatewayKeys.metrics() });

/**
 * The groups a delete or an undo acts on, the notice whose Undo or Retry started it, and what
 * Undo pushes back (read by the delete dialog; a Retry reads it again).
 */
export interface BatchRequest {
  groups: Group[];
  noticeId?: number;
  copies?: UndoCopies;
}

interface Options {
  addNotice: (notice: NewNotice) => void;
  /** Called with the groups that are gone from the gateway, so the selection can forget them. */
  onGone: (groups: readonly Group[]) => void;
  /** Called when the gateway has answered, whatever it answered. */
  onSettled: (request: BatchRequest) => void;
}

/** DELETE groups: they leave the list at once; those the gateway refuses come back, with a notice naming them. */
export function useDeleteGroups({ addNotice, onGone, onSettled }: Options) {
  const queryClient = useQueryClient();
  const client = useGatewayClient();
  return useMutation({
    mutationKey: cleanupKeys.delete,
    mutationFn: async ({ groups, copies }: BatchRequest) => {
      const undo = copies ?? (await readUndoCopies(client, groups));
      const result = await deleteGroups(client, groups);
      if (result.failed.length) throw new BatchError(result, undo);
      return { ...result, copies: undo };
    },
    onMutate: async ({ groups }) => {
      const keys = new Set(groups.map((g) => g.key));
      await editCachedGroups(queryClient, (data) => withoutGroups(data, keys));
    },
    onSuccess: ({ done, copies }) => {
      onGone(done);
      addNotice({ kind: 'deleted', groups: done, copies });
    },
    onError: (error, { groups, copies }) => {
      const { done, failed } = outcome(error, groups);
      queryClient.setQueryData<GroupsData>(
        gatewayKeys.metrics(),
        (data) => data && withGroups(data, failedGroups(failed)),
      );
      onGone(done);
      const undo = (error instanceof BatchError && error.copies) || copies;
      if (done.length && undo) addNotice({ kind: 'deleted', groups: done, copies: undo });
      addNotice({ kind: 'failed', action: 'delete', failures: failed });
    },
    onSettled: (_data, _error, request) => {
      onSettled(request);
      return refetch(queryClient);
    },
  });
}

/**
 * Undo: groups the gateway does not hold again come back at once, as last seen; groups pushed
 * again since are left alone and reported as kept.
 */
export function useRestoreGroups({ addNotice, onSettled }: Omit<Options, 'onGone'>) {
  const queryClient = useQueryClient();
  const client = useGatewayClient();
  return useMutation({
    mutationKey: cleanupKeys.restore,
    mutationFn: async ({ groups, copies }: BatchRequest) => {
      const result = await restoreGroups(client, groups, copies ?? new Map());
      if (result.failed.length) throw new BatchError(result);
      return result;
    },
    onMutate: async ({ groups }) => {
      // Only groups the list does not hold: one it holds was pushed again, and its data is newer.
      let added: Group[] = [];
      await editCachedGroups(queryClient, (data) => {
        const held = new Set(data.groups.map((g) => g.key));
        added = groups.filter((g) => !held.has(g.key));
        return withGroups(data, added);
      });
      return { added };
    },
    onSuccess: ({ done, kept }) => addNotice({ kind: 'restored', groups: done, kept }),
    onError: (error, { groups, copies }, context) => {
      const result = outcome(error, groups);
      const notRestored = new Set(failedGroups(result.failed).map((g) => g.key));
      const added = context?.added ?? [];
      queryClient.setQueryData<GroupsData>(
        gatewayKeys.metrics(),
        (data) => data && withoutGroups(data, new Set(added.filter((g) => notRestored.has(g.key)).map((g) => g.key))),
      );
      const kept = 'kept' in result ? (result.kept as Group[]) : [];
      if (result.done.length || kept.length) addNotice({ kind: 'restored', groups: result.done, kept });
      addNotice({ kind: 'failed', action: 'restore', failures: result.failed, ...(copies ? { copies } : {}) });
    },
    onSettled: (_data, _error, request) => {
      onSettled(request);
      return refetch(queryClient);
    },
  });
}

/** What a wipe acts on: the groups the person saw, and with several gateways the one wiped. */
export interface WipeRequest {
  groups: readonly Group[];
  gateway?: string;
}

/** The admin API's wipe: the gateway's groups leave the list at once, and come back if it refuses. */
export function useWipe({ addNotice, onGone }: Omit<Options, 'onSettled'>) {
  const queryClient = useQueryClient();
  const client = useGatewayClient();
  return useMutation({
    mutationKey: cleanupKeys.wipe,
    mutationFn: async ({ groups, gateway }: WipeRequest) => {
      await wipeGateway(client, gateway);
      return groups;
    },
    onMutate: async ({ gateway }) => {
      let before: Group[] = [];
      const wiped = (g: Group) => gateway === undefined || g.gateway === gateway;
      await editCachedGroups(queryClient, (data) => {
        before = data.groups.filter(wiped);
        return { ...data, groups: data.groups.filter((g) => !wiped(g)) };
      });
      return { before };
    },
    onSuccess: (groups, { gateway }) => {
      onGone(groups);
      addNotice({ kind: 'wiped', count: groups.length, ...(gateway !== undefined ? { gateway } : {}) });
    },
    onError: (error, _request, context) => {
      queryClient.setQueryData<GroupsData>(
        gatewayKeys.metrics(),
        (data) => data && withGroups(data, context?.before ?? []),
      );
      addNotice({ kind: 'failed', action: 'wipe', failures: [], message: error.message });
    },
    onSettled: () => refetch(queryClient),
  });
}

/** The deletes or undos waiting for the gateway, so their buttons can say so. */
export function usePending(key: readonly string[]): BatchRequest[] {
  return useMutationState({
    filters: { mutationKey: key, status: 'pending' },
    select: (m) => m.state.variables as BatchRequest,
  });
}
