/**
 * `-/pushboard/cadence`: each group's usual or expected interval and its rhythm (written in the
 * configuration, learned from the server's push history, or Prometheus' mean), as the server
 * writes it (server/history/rhythms.ts) and the page reads it (src/health/).
 */
import type { RhythmSource, RhythmView } from '../rhythm';
import { isRecord } from '../validate';
import { Fields } from './read';

/** The answer as it crosses the wire. */
export interface CadenceAnswer {
  available: boolean;
  reason: string | null;
  factor: number;
  /** How often the server reads them again (ms). */
  refreshMs: number;
  refreshedAt: number | null;
  /** Usual or expected interval (seconds) by group key: what pages before rhythms read. */
  intervals: Record<string, number>;
  rhythms: Record<string, RhythmView>;
  /** Stale thresholds (seconds) of groups whose expectation sets one. */
  staleAfter: Record<string, number>;
}

/** The answer as the page holds it: by group key. */
export interface CadenceView extends Omit<CadenceAnswer, 'intervals' | 'rhythms' | 'staleAfter'> {
  intervals: ReadonlyMap<string, number>;
  /** When each group is late and its next push due, by group key (servers before rhythms: empty). */
  rhythms: ReadonlyMap<string, RhythmView>;
  /** Stale thresholds (seconds) that groups' expectations set, overriding the page's. */
  staleAfter: ReadonlyMap<string, number>;
}

const SOURCES: readonly RhythmSource[] = ['every', 'cron', 'learned', 'prometheus'];
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const positive = (v: unknown): v is number => finite(v) && v > 0;

/** One rhythm, or undefined when it cannot be read (a source of a newer server, say). */
export function decodeRhythm(raw: unknown): RhythmView | undefined {
  if (!isRecord(raw)) return undefined;
  const { source, intervalSeconds, describe, basis, lateAt, nextDue, staleAfter } = raw;
  if (!SOURCES.includes(source as RhythmSource) || typeof describe !== 'string') return undefined;
  if (!positive(intervalSeconds) || !finite(basis) || !finite(lateAt) || !finite(nextDue)) return undefined;
  return {
    source: source as RhythmSource,
    intervalSeconds,
    describe,
    basis,
    lateAt,
    nextDue,
    ...(positive(staleAfter) ? { staleAfter } : {}),
  };
}

function entries<T>(raw: unknown, read: (value: unknown) => T | undefined): Map<string, T> {
  const out = new Map<string, T>();
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const item = read(value);
    if (item !== undefined) out.set(key, item);
  }
  return out;
}

/**
 * The page's view of the answer. Not an object at all is refused; within it, what cannot be read
 * is left out or has its default (an answer from an older or newer server of the same major).
 */
export function decodeCadence(json: unknown): CadenceView {
  const f = Fields.of('a cadence answer', json);
  const factor = f.raw('factor');
  const refreshMs = f.raw('refreshMs');
  const refreshedAt = f.raw('refreshedAt');
  const reason = f.raw('reason');
  return {
    available: f.raw('available') === true,
    reason: typeof reason === 'string' ? reason : null,
    factor: finite(factor) && factor > 1 ? factor : 2,
    refreshMs: finite(refreshMs) && refreshMs >= 1000 ? refreshMs : 60_000,
    refreshedAt: finite(refreshedAt) ? refreshedAt : null,
    intervals: entries(f.raw('intervals'), (v) => (positive(v) ? v : undefined)),
    rhythms: entries(f.raw('rhythms'), decodeRhythm),
    staleAfter: entries(f.raw('staleAfter'), (v) => (positive(v) ? v : undefined)),
  };
}

/** The page's view as the server writes it. */
export function encodeCadence(view: CadenceView): CadenceAnswer {
  return {
    ...view,
    intervals: Object.fromEntries(view.intervals),
    rhythms: Object.fromEntries(view.rhythms),
    staleAfter: Object.fromEntries(view.staleAfter),
  };
}
