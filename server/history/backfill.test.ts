import { describe, expect, it } from 'vitest';
import { GatewayState } from '../state/gateway-state';
import { answer } from '../state/testing';
import type { PrometheusClient } from '../prometheus/client';
import type { PrometheusView } from '../prometheus/prometheus-view';
import { backfillFromPrometheus, backfillQuery } from './backfill';
import { PushHistory } from './push-history';

const T0 = 1_760_000_000;
const DAY = 86_400;

describe('backfill from Prometheus', () => {
  it('asks one range query, 64 points a series at most, for groups with fewer than 64 pushes', () => {
    expect(backfillQuery('push_time_seconds')).toEqual({
      query: 'push_time_seconds and changes(push_time_seconds[30d]) < 64',
      step: Math.ceil((30 * DAY) / 64),
      window: 30 * DAY,
    });
  });

  it('turns the distinct values of push_time_seconds into pushes, merged with what the polls saw', async () => {
    const model = new GatewayState({ fetchMetrics: () => Promise.resolve(answer([])), intervalMs: 60_000 });
    const history = new PushHistory({ model });
    history.store.record('{job="weekly"}', T0 + 21 * DAY, 0);
    const asked: string[] = [];
    const client = {
      queryRange: (query: string) => {
        asked.push(query);
        const values = [T0, T0, T0 + 7 * DAY, T0 + 7 * DAY, T0 + 14 * DAY].map((v, i) => [T0 + i * 40_500, String(v)]);
        return Promise.resolve([{ metric: { __name__: 'push_time_seconds', job: 'weekly' }, values }]);
      },
    } as unknown as PrometheusClient;
    const view = {
      configured: true,
      reachable: true,
      check: { state: 'scraped', target: { job: 'pushgateway', labels: {} }, honorLabels: true },
    } as unknown as PrometheusView;
    const lines: string[] = [];
    const filled = await backfillFromPrometheus({
      client,
      view: () => Promise.resolve(view),
      history,
      log: (l) => lines.push(l),
      now: () => (T0 + 22 * DAY) * 1000,
    });
    expect(filled).toBe(1);
    expect(asked).toEqual(['push_time_seconds and changes(push_time_seconds[30d]) < 64']);
    expect(history.store.ring('{job="weekly"}')?.successes()).toEqual([T0, T0 + 7 * DAY, T0 + 14 * DAY, T0 + 21 * DAY]);
    expect(history.interval('{job="weekly"}')).toBe(7 * DAY);
    expect(lines).toEqual(["prometheus: push history of 1 group filled from Prometheus' last 30 days"]);
  });
});
