/** A group's rhythm and whether it is overdue: the server computes rhythms, the page shows them. */

export interface Cadence {
  /** The usual time between successful pushes (seconds): the mean gap within the window. */
  intervalSeconds: number;
  /** Successful pushes seen in the window. */
  pushes: number;
}

/** At least this many pushes before a rhythm is trusted (two gaps). */
export const MIN_PUSHES = 3;

/**
 * Whether a group is overdue: its last successful push is older than `factor` × its usual
 * interval. Undefined without a rhythm (too few pushes seen) or without a successful push.
 */
export function overdue(pushTime: number, cadence: Cadence | undefined, factor: number, nowSeconds: number) {
  if (!cadence || pushTime <= 0) return undefined;
  return nowSeconds - pushTime > factor * cadence.intervalSeconds;
}
