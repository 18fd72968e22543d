/**
 * With --prometheus, the history starts from Prometheus' memory of each group's
 * `push_time_seconds` over the last 30 days: the value of that series is the time of the group's
 * last successful push, so its distinct values over time are the pushes themselves.
 *
 * The answer is kept small: one range query with a step of 30d / 64 (about 11 h; 64 points per
 * series at most, the size of a ring), and only for groups that pushed fewer than 64 times in
 * the window (`and changes(…) < 64`): a slower job's pushes are then nearly all seen, one per
 * step, while a faster job's would be a sample that teaches a wrong interval, and the server's
 * own polls learn such a job within the hour anyway. At 10,000 slow groups that is at most
 * 640,000 points, once, at start-up.
 */
import { formatSelector } from '../../core/selector';
import { groupingLabels, pushTimeSelector } from '../prometheus/cadence';
import type { PrometheusClient } from '../prometheus/client';
import { basisOf } from '../prometheus/group-health';
import type { PrometheusView } from '../prometheus/prometheus-view';
import type { PushHistory } from './push-history';
import { PushRing, RING_SIZE } from './ring';

export const BACKFILL_DAYS = 30;

export function backfillQuery(selector: string): { query: string; step: number; window: number } {
  const window = BACKFILL_DAYS * 86_400;
  return {
    query: `${selector} and changes(${selector}[${BACKFILL_DAYS}d]) < ${RING_SIZE}`,
    step: Math.ceil(window / RING_SIZE),
    window,
  };
}

/** Fills each group's history from Prometheus; returns how many groups got pushes from it. */
export async function backfillFromPrometheus({
  client,
  view,
  history,
  log,
  now = Date.now,
}: {
  client: PrometheusClient;
  view: () => Promise<PrometheusView>;
  history: PushHistory;
  log: (line: string) => void;
  now?: () => number;
}): Promise<number> {
  const basis = basisOf(await view());
  if (typeof basis === 'string') {
    log(`prometheus: push history not filled from Prometheus: ${basis}`);
    return 0;
  }
  const { query, step, window } = backfillQuery(pushTimeSelector(basis.honorLabels, basis.job));
  const end = Math.floor(now() / 1000);
  let series;
  try {
    series = await client.queryRange(query, end - window, end, step);
  } catch (error) {
    log(`prometheus: push history not filled from Prometheus: ${(error as Error).message}`);
    return 0;
  }
  const { store } = history;
  let filled = 0;
  for (const s of series) {
    const key = formatSelector(groupingLabels(s.metric, basis.honorLabels, basis.targetLabels));
    const pushes = s.values.map(([, v]) => Number(v)).filter((v) => Number.isFinite(v) && v > 0);
    if (pushes.length === 0) continue;
    const known = store.ring(key)?.raw() ?? [];
    store.replace(key, PushRing.from([...new Set([...known, ...pushes])]));
    filled++;
  }
  log(
    `prometheus: push history of ${filled} group${filled === 1 ? '' : 's'} filled from Prometheus' last ${BACKFILL_DAYS} days`,
  );
  return filled;
}
