import { useQuery } from '@tanstack/react-query';
import { servedByServer } from '../config/config';
import { readJson } from '../gateway/client';
import type { RhythmSource, RhythmView } from '../../core/rhythm';
import { isRecord } from '../../core/validate';

/**
 * Each group's usual or expected interval, and its rhythm: written in the configuration, learned
 * from the server's own push history, or read from Prometheus (server/history/rhythms.ts).
 */
export interface CadenceView {
  available: boolean;
  reason: string | null;
  factor: number;
  /** How often the server reads them again (ms). */
  refreshMs: number;
  refreshedAt: number | null;
  /** Usual interval in seconds, by group key. */
  intervals: ReadonlyMap<string, number>;
  /** When each group is late and its next push due, by group key (servers before rhythms: empty). */
  rhythms: ReadonlyMap<string, RhythmView>;
  /** Stale thresholds (seconds) that groups' expectations set, overriding the page's. */
  staleAfter: ReadonlyMap<string, number>;
}

const SOURCES: readonly RhythmSource[] = ['every', 'cron', 'learned', 'prometheus'];
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseRhythm(raw: unknown): RhythmView | undefined {
  if (!isRecord(raw)) return undefined;
  const { source, intervalSeconds, describe, basis, lateAt, nextDue, staleAfter } = raw;
  if (!SOURCES.includes(source as RhythmSource) || typeof describe !== 'string') return undefined;
  if (!finite(intervalSeconds) || intervalSeconds <= 0 || !finite(basis) || !finite(lateAt) || !finite(nextDue)) {
    return undefined;
  }
  return {
    source: source as RhythmSource,
    intervalSeconds,
    describe,
    basis,
    lateAt,
    nextDue,
    ...(finite(staleAfter) && staleAfter > 0 ? { staleAfter } : {}),
  };
}

const PATH = '-/pushboard/cadence';

export function parseCadenceView(json: unknown): CadenceView {
  const root = isRecord(json) ? json : {};
  const intervals = new Map<string, number>();
  if (isRecord(root.intervals)) {
    for (const [key, seconds] of Object.entries(root.intervals)) {
      if (typeof seconds === 'number' && seconds > 0 && Number.isFinite(seconds)) intervals.set(key, seconds);
    }
  }
  const rhythms = new Map<string, RhythmView>();
  if (isRecord(root.rhythms)) {
    for (const [key, raw] of Object.entries(root.rhythms)) {
      const rhythm = parseRhythm(raw);
      if (rhythm) rhythms.set(key, rhythm);
    }
  }
  const staleAfter = new Map<string, number>();
  if (isRecord(root.staleAfter)) {
    for (const [key, seconds] of Object.entries(root.staleAfter)) {
      if (finite(seconds) && seconds > 0) staleAfter.set(key, seconds);
    }
  }
  return {
    available: root.available === true,
    reason: typeof root.reason === 'string' ? root.reason : null,
    factor: typeof root.factor === 'number' && root.factor > 1 ? root.factor : 2,
    refreshMs: typeof root.refreshMs === 'number' && root.refreshMs >= 1000 ? root.refreshMs : 60_000,
    refreshedAt: typeof root.refreshedAt === 'number' ? root.refreshedAt : null,
    intervals,
    rhythms,
    staleAfter,
  };
}

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
    queryFn: async ({ signal }) => {
      const response = await fetch(new URL(PATH, document.baseURI), { signal, cache: 'no-cache' });
      if (response.status === 404) return parseCadenceView({});
      return readJson(await response.text(), PATH, parseCadenceView);
    },
    enabled: servedByServer(),
    refetchInterval: (query) => query.state.data?.refreshMs ?? 60_000,
    retry: false,
  });
  return data;
}
