import { useQuery } from '@tanstack/react-query';
import { servedByServer } from '../config/config';
import { fetchServerJson } from '../data';
import { decodeGroupHistory, decodeJobStrips, type GroupHistory } from '../../core/wire/history';

/** One group's last pushes and rhythm, as the server keeps them (core/wire/history.ts). */
export type { GroupHistory } from '../../core/wire/history';

const PATH = '-/pushboard/history';

/** Asked for an expanded group, again after each change of the group (its push times). */
export function useGroupHistory(key: string, version: string) {
  return useQuery({
    queryKey: ['pushboard', 'history', key, version],
    queryFn: async ({ signal }) => {
      const url = new URL(PATH, document.baseURI);
      url.searchParams.set('key', key);
      const notFound = () => {
        throw new Error('The server no longer knows this group.');
      };
      return fetchServerJson(url, decodeGroupHistory, { signal, notFound });
    },
    enabled: servedByServer(),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

const JOBS_PATH = '-/pushboard/history/jobs';
/** How often the overview's job strips are read again: they move with every push. */
export const JOB_STRIPS_REFRESH_MS = 10_000;

/** The last pushes of one job's groups together, for its row in the overview (one query for all rows). */
export function useJobStrip(jobId: string): GroupHistory['pushes'] | undefined {
  const { data } = useQuery({
    queryKey: ['pushboard', 'history', 'jobs'],
    // A server from before job strips: no strips, and no error to show for a picture.
    queryFn: ({ signal }) =>
      fetchServerJson(JOBS_PATH, decodeJobStrips, {
        signal,
        notFound: () => new Map<string, GroupHistory['pushes']>(),
      }),
    enabled: servedByServer(),
    refetchInterval: JOB_STRIPS_REFRESH_MS,
    retry: false,
  });
  return data?.get(jobId);
}
