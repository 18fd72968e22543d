/**
 * A group's rhythm learned from its own push history (kept by the server, see
 * server/history/): the usual interval between successful pushes, and when a group is late.
 */

/** At least this many successful pushes (two gaps) before a learned rhythm is trusted. */
export const MIN_LEARNED_PUSHES = 3;

/**
 * Gaps shorter than this fraction of the median gap are parts of one burst: they are merged with
 * the gaps after them until together they reach it.
 */
export const BURST_FRACTION = 0.25;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The usual interval (seconds) between the successful pushes at `times` (Unix seconds, in any
 * order, repeats ignored), or undefined with fewer than MIN_LEARNED_PUSHES.
 *
 * The estimator: the median of the gaps after merging bursts. A mean (what Prometheus' history
 * gave: span / changes) is pulled anywhere by one burst: a 5-minute job that pushed 4 times a
 * second for 10 minutes has a mean gap of seconds. A plain median is robust to a few odd gaps,
 * but not when a burst is most of the history. So first the median of all gaps is taken as a
 * reference, then consecutive gaps shorter than BURST_FRACTION of it are added up with the gaps
 * that follow until the sum reaches it (a burst and the gap after it become one gap), and the
 * median of the merged gaps is the answer. A weekly job needs no special case: three pushes a
 * week apart give two gaps of 7d. When bursts are the majority, the reference itself is short;
 * the server's ring therefore keeps a burst as one entry (see history/ring.ts), so that a burst
 * never fills the history in the first place.
 */
export function usualInterval(times: readonly number[]): number | undefined {
  const sorted = [...new Set(times)].filter((t) => t > 0).sort((a, b) => a - b);
  if (sorted.length < MIN_LEARNED_PUSHES) return undefined;
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(sorted[i]! - sorted[i - 1]!);
  const reference = median(gaps);
  const merged: number[] = [];
  let run = 0;
  for (const gap of gaps) {
    run += gap;
    if (run >= BURST_FRACTION * reference) {
      merged.push(run);
      run = 0;
    }
  }
  if (merged.length === 0) return reference;
  return median(merged);
}

/** Where a group's expected rhythm comes from: a written expectation beats a learned one. */
export type RhythmSource = 'every' | 'cron' | 'learned' | 'prometheus';

/** What the page and the metrics get for one group. */
export interface RhythmView {
  source: RhythmSource;
  /** The usual or expected interval (seconds); for a cron schedule, the gap around its last run. */
  intervalSeconds: number;
  /** `usually every 5m`, `expected every 7d`, `expected daily at 03:00 UTC`. */
  describe: string;
  /**
   * The push time (Unix seconds) the server judged from: a later push on the page means the
   * group pushed since, and is on time whatever `lateAt` says.
   */
  basis: number;
  /** When (Unix seconds) the group is late without a new successful push. */
  lateAt: number;
  /** When (Unix seconds) the next push is expected. */
  nextDue: number;
  /** A stale threshold (seconds) for this group, from its expectation, overriding the page's. */
  staleAfter?: number;
}

/** Whether a group is late now, from its rhythm and the push time the page has. */
export function isLate(pushTime: number, rhythm: RhythmView | undefined, nowSeconds: number): boolean | undefined {
  if (!rhythm || pushTime <= 0) return undefined;
  if (pushTime > rhythm.basis) return false;
  return nowSeconds > rhythm.lateAt;
}
