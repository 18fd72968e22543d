import { useQuery } from '@tanstack/react-query';
import { servedByServer } from '../config/config';
import { fetchServerJson } from '../data';
import { decodeCadence, type CadenceView } from '../../core/wire/cadence';

/**
 * Each group's usual or expected interval, and its rhythm: written in the configuration, learned
 * from the server's own push history, or read from Prometheus (core/wire/cadence.ts).
 */
export type { CadenceView } from '../../core/wire/cadence';

const PATH = '-/pushboard/cadence';

/**
 * The usual intervals, asked as often as the server recomputes them (every minute by default; an
 * unchanged answer costs a 304). Only the Pushboard server knows them; undefined elsewhere, and
 * while none is known.
 */
export function useCadence(): CadenceView | undefined {
  const data = useCadenceView();
  return data?.intervals.size || data?.staleAfter.size ? data : undefined;
}

export const CADENCE_QUERY_KEY = ['pushboard', 'cadence'] as const;

/** The server's answer as it is, with no rhythms too (for the status page). */
export function useCadenceView(): CadenceView | undefined {
  const { data } = useQuery({
    queryKey: CADENCE_QUERY_KEY,
    queryFn: ({ signal }) => fetchServerJson(PATH, decodeCadence, { signal, notFound: () => decodeCadence({}) }),
    enabled: servedByServer(),
    refetchInterval: (query) => query.state.data?.refreshMs ?? 60_000,
    retry: false,
  });
  return data;
}
