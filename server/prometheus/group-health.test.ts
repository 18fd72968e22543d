import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../core/metrics';
import { GatewayState } from '../state/gateway-state';
import { fakeGateway } from '../state/testing';
import type { PrometheusClient } from './client';
import { basisOf, DEFAULT_HEALTH, GroupHealth, SEEN_KEEP_MS, seriesMatchers } from './group-health';
import type { PrometheusView } from './prometheus-view';

/** The gateway's target in Prometheus, job pgw, with these labels. */
const targetView = (labels: Record<string, string>) => ({
  job: 'pgw',
  scrapeUrl: 'http://gw/metrics',
  health: 'up',
  lastError: '',
  lastScrape: '',
  lastScrapeDurationSeconds: 0,
  scrapeInterval: null,
  labels,
});

const basis = (honorLabels: boolean) => ({ job: 'pushgateway', honorLabels, targetLabels: {} });

describe('seriesMatchers', () => {
  it('are the grouping labels with honor_labels, an absent instance matched as empty', () => {
    expect(seriesMatchers({ job: 'backup', instance: 'db-1' }, basis(true))).toEqual([
      ['job', 'backup'],
      ['instance', 'db-1'],
    ]);
    expect(seriesMatchers({ job: 'backup', path: '/x' }, basis(true))).toEqual([
      ['job', 'backup'],
      ['path', '/x'],
      ['instance', ''],
    ]);
  });
  it('move job and instance to exported_* under the scrape job without honor_labels', () => {
    expect(seriesMatchers({ job: 'backup', instance: 'db-1' }, basis(false))).toEqual([
      ['job', 'pushgateway'],
      ['exported_job', 'backup'],
      ['exported_instance', 'db-1'],
    ]);
  });
});

describe('basisOf', () => {
  it('says why there is no basis, or reads it from the scrape check', () => {
    expect(basisOf({ configured: false })).toBe('Prometheus is not configured.');
    expect(basisOf({ configured: true, address: 'p', reachable: false, error: 'down' })).toBe('down');
    expect(
      basisOf({
        configured: true,
        address: 'p',
        reachable: true,
        version: null,
        check: { state: 'not-scraped', targets: 2 },
      }),
    ).toBe('Prometheus does not scrape this gateway.');
    const target = targetView({ env: 'prod' });
    const view = (honorLabels: boolean | null) =>
      ({
        configured: true,
        address: 'p',
        reachable: true,
        version: null,
        check: { state: 'scraped', target, honorLabels, fixedConfig: null },
      }) as const;
    expect(basisOf(view(false))).toEqual({ job: 'pgw', honorLabels: false, targetLabels: { env: 'prod' } });
    // A job the reported configuration does not hold is taken as the usual setup.
    expect(basisOf(view(null))).toMatchObject({ honorLabels: true });
  });
});

describe('GroupHealth', () => {
  const scraped = {
    configured: true,
    address: 'p',
    reachable: true,
    version: null,
    check: {
      state: 'scraped',
      target: targetView({ job: 'pgw', instance: 'gw:9091' }),
      honorLabels: true,
      fixedConfig: null,
    },
  } as const;
  const sample = (job: string, value: number) => ({
    metric: { __name__: 'x', job },
    value: [0, String(value)] as [number, string],
  });

  function setup() {
    const queries: string[] = [];
    let view: PrometheusView = scraped;
    let now = 1_000_000;
    const model = new GatewayState({ fetchMetrics: fakeGateway([]).fetchMetrics, intervalMs: 60_000 });
    const health = new GroupHealth({
      client: {
        query: async (promql: string) => {
          queries.push(promql);
          return promql.startsWith('changes') ? [sample('a', 9), sample('b', 1)] : [sample('a', 900), sample('b', 50)];
        },
      } as unknown as PrometheusClient,
      view: async () => view,
      model,
      settings: { ...DEFAULT_HEALTH, window: '3600s' },
      graphBase: 'http://p/',
      now: () => now,
    });
    return { health, queries, setView: (v: PrometheusView) => (view = v), tick: (ms: number) => (now += ms) };
  }

  it('reads every rhythm with two queries, and keeps them while Prometheus is away', async () => {
    const { health, queries, setView } = setup();
    const first = await health.fresh();
    expect(queries).toEqual([
      'changes(push_time_seconds[3600s])',
      'max_over_time(push_time_seconds[3600s]) - min_over_time(push_time_seconds[3600s])',
    ]);
    // 9 changes over 900 s: every 100 s; b has too few pushes for a rhythm.
    expect(first).toMatchObject({ available: true, reason: null, intervals: { '{job="a"}': 100 } });
    setView({ configured: true, address: 'p', reachable: false, error: 'Prometheus is down' });
    await health.refresh();
    expect(health.view()).toMatchObject({
      available: false,
      reason: 'Prometheus is down',
      intervals: { '{job="a"}': 100 },
    });
  });

  it('reads again for a viewer only once a cycle has passed', async () => {
    const { health, queries, tick } = setup();
    await health.fresh();
    await health.fresh();
    expect(queries).toHaveLength(2);
    tick(DEFAULT_HEALTH.refreshMs + 1);
    await health.fresh();
    expect(queries).toHaveLength(4);
  });

  it('does not run the queries again for every request after a read failed, only once a cycle', async () => {
    const { health, queries, setView, tick } = setup();
    setView({ configured: true, address: 'p', reachable: false, error: 'Prometheus is down' });
    expect(await health.fresh()).toMatchObject({ available: false });
    setView(scraped);
    for (let i = 0; i < 5; i++) expect(await health.fresh()).toMatchObject({ available: false });
    expect(queries).toHaveLength(0);
    tick(DEFAULT_HEALTH.refreshMs + 1);
    expect(await health.fresh()).toMatchObject({ available: true });
    expect(queries).toHaveLength(2);
  });

  it('asks Prometheus about a group once for every tab that expands it within a few seconds', async () => {
    const { health, queries, tick } = setup();
    const group = parseGroups([
      {
        labels: { job: 'a' },
        last_push_successful: true,
        push_time_seconds: { type: 'GAUGE', help: '', time_stamp: 'T', metrics: [{ labels: {}, value: '1' }] },
      },
    ])[0]!;
    const answers = await Promise.all([health.seen(group), health.seen(group), health.seen(group)]);
    expect(answers[1]).toBe(answers[0]);
    expect(queries).toHaveLength(2);
    tick(SEEN_KEEP_MS + 1);
    await health.seen(group);
    expect(queries).toHaveLength(4);
  });
});
