import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, getText, onGateway } from './client';
import { gatewayKeys } from './keys';
import { parseStatusResponse } from './status';

/** The gateway's status; with several gateways, the named one's. */
export const statusQueryOptions = (gateway?: string) =>
  queryOptions({
    queryKey: gatewayKeys.status(gateway),
    queryFn: ({ signal }) => getJson(onGateway(gateway, 'api/v1/status'), parseStatusResponse, signal),
    refetchInterval: 30_000,
    retry: false,
  });

export const readyQueryOptions = (gateway?: string) =>
  queryOptions({
    queryKey: gatewayKeys.ready(gateway),
    queryFn: ({ signal }) => getText(onGateway(gateway, '-/ready'), signal),
    refetchInterval: 10_000,
    retry: false,
  });

export const useGatewayStatus = (gateway?: string) => useQuery(statusQueryOptions(gateway));
export const useGatewayReady = (gateway?: string) => useQuery(readyQueryOptions(gateway));
