import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../gateway/client';
import { gatewayKeys } from '../gateway/keys';
import { parseMetricsResponse } from '../gateway/metrics';
import { groupByJob, type JobSection } from './order';
import type { Group } from '../gateway/metrics-types';

export interface GroupsData {
  groups: Group[];
  jobs: JobSection[];
}

/** Fetch, validate, sort and section: all the per-poll work, done once in the query function. */
export async function fetchGroups(signal?: AbortSignal): Promise<GroupsData> {
  const groups = await getJson('api/v1/metrics', parseMetricsResponse, signal);
  const jobs = groupByJob(groups);
  return { groups: jobs.flatMap((j) => j.groups), jobs };
}

export const groupsQueryOptions = (refetchInterval: number | false) =>
  queryOptions({
    queryKey: gatewayKeys.metrics(),
    queryFn: ({ signal }) => fetchGroups(signal),
    refetchInterval,
    refetchOnWindowFocus: refetchInterval !== false,
    // The next poll is the retry; an error must show at once, not after a back-off.
    retry: false,
  });

export const useGroups = (refetchInterval: number | false) => useQuery(groupsQueryOptions(refetchInterval));
