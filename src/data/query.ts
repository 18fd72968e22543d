import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GatewayClient } from '../gateway/client';
import { useGatewayClient } from '../gateway/client-context';
import { gatewayKeys } from '../gateway/keys';
import { parseMetricsResponse } from '../../core/metrics';
import { compareGroups } from '../../core/order';
import type { Group } from '../../core/metrics-types';
import type { DataSource } from './first-poll';
import { useDataSource } from './source-context';
import { SharedPoller } from './shared/shared-poller';
import { StreamPoller } from './stream-poller';

export interface GroupsData {
  /** Every group, in job order. */
  groups: Group[];
  /** Set while a large first load is still arriving: how many groups there are in all. */
  partial?: number;
  /**
   * With several gateways, those whose last poll failed while others answer: their groups are
   * their last good data. (When all are down, the poll fails as with one gateway.)
   */
  gatewaysDown?: GatewayDown[];
}

export interface GatewayDown {
  name: string;
  message: string;
  /** When its data last arrived (ms), or null if it never answered. */
  lastSuccess: number | null;
}

/** Fetch, validate, sort and section: all the per-poll work, done once in the query function. */
export async function fetchGroups(client: GatewayClient, signal?: AbortSignal): Promise<GroupsData> {
  const groups = await client.getJson('api/v1/metrics', parseMetricsResponse, signal);
  return { groups: groups.sort(compareGroups) };
}

/**
 * `refetchInterval`: the interval chosen, or false while paused. The groups come from the
 * server's stream or the shared poll (which paces the gateway's reads itself, see
 * adaptive.ts): a query's poll answers from what they have delivered, reading nothing.
 */
export const groupsQueryOptions = (
  { source, client }: { source: DataSource; client: GatewayClient },
  refetchInterval: number | false,
) => {
  return queryOptions({
    queryKey: gatewayKeys.metrics(),
    // From the server's stream, or from the shared poll's worker where there is one (every
    // browser): either way only changes come back to the page.
    queryFn: ({ signal, client: queryClient, queryKey }) => {
      const poller = source.poller;
      if (poller instanceof SharedPoller) poller.connect(client.url('./'));
      return poller ? poller.poll((part) => queryClient.setQueryData(queryKey, part)) : fetchGroups(client, signal);
    },
    // Unchanged polls already return the same object; a deep compare of 10,000 groups is not needed.
    structuralSharing: false,
    refetchInterval,
    // The list mounting just after the first poll landed is no reason to fetch it all again.
    staleTime: 1000,
    refetchOnWindowFocus: refetchInterval !== false,
    // The next poll is the retry; an error must show at once, not after a back-off.
    retry: false,
  });
};

export function useGroups(refetchInterval: number | false) {
  const client = useQueryClient();
  const source = useDataSource();
  const gateway = useGatewayClient();
  useEffect(() => {
    const poller = source.poller;
    if (!(poller instanceof StreamPoller || poller instanceof SharedPoller)) return;
    // Following the server's stream or the shared poll: changes show as they arrive, except while
    // paused. The shared poll also learns this tab's interval.
    const key = gatewayKeys.metrics();
    const follower =
      refetchInterval === false
        ? undefined
        : {
            data: (data: GroupsData) => client.setQueryData(key, data),
            refetch: () => void client.refetchQueries({ queryKey: key }),
          };
    if (poller instanceof SharedPoller) poller.follow(follower, refetchInterval || undefined);
    else poller.follow(follower);
  }, [client, source, refetchInterval]);
  return useQuery(groupsQueryOptions({ source, client: gateway }, refetchInterval));
}
