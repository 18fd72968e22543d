import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GatewayClient } from './client';
import { useGatewayClient } from './client-context';
import { gatewayKeys } from './keys';
import { parseStatusResponse } from './status';

/** The gateway's status; with several gateways, the named one's. */
export const statusQueryOptions = (client: GatewayClient, gateway?: string) =>
  queryOptions({
    queryKey: gatewayKeys.status(gateway),
    queryFn: ({ signal }) => client.getJson(client.onGateway(gateway, 'api/v1/status'), parseStatusResponse, signal),
    refetchInterval: 30_000,
    retry: false,
  });

export const readyQueryOptions = (client: GatewayClient, gateway?: string) =>
  queryOptions({
    queryKey: gatewayKeys.ready(gateway),
    queryFn: ({ signal }) => client.getText(client.onGateway(gateway, '-/ready'), signal),
    refetchInterval: 10_000,
    retry: false,
  });

export const useGatewayStatus = (gateway?: string) => useQuery(statusQueryOptions(useGatewayClient(), gateway));
export const useGatewayReady = (gateway?: string) => useQuery(readyQueryOptions(useGatewayClient(), gateway));
