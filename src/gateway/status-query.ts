import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, getText } from './client';
import { gatewayKeys } from './keys';
import { parseStatusResponse } from './status';

export const statusQueryOptions = () =>
  queryOptions({
    queryKey: gatewayKeys.status(),
    queryFn: ({ signal }) => getJson('api/v1/status', parseStatusResponse, signal),
    refetchInterval: 30_000,
    retry: false,
  });

export const readyQueryOptions = () =>
  queryOptions({
    queryKey: gatewayKeys.ready(),
    queryFn: ({ signal }) => getText('-/ready', signal),
    refetchInterval: 10_000,
    retry: false,
  });

export const useGatewayStatus = () => useQuery(statusQueryOptions());
export const useGatewayReady = () => useQuery(readyQueryOptions());
