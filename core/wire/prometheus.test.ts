import { describe, expect, it } from 'vitest';
import { decodePrometheusView, decodeSeenView, type PrometheusView, type SeenView } from './prometheus';
import { WireShapeError } from './read';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const target = {
  job: 'pushgateway',
  scrapeUrl: 'http://gw:9091/metrics',
  health: 'up',
  lastError: '',
  lastScrape: '2026-12-05T12:00:00Z',
  lastScrapeDurationSeconds: 0.01,
  scrapeInterval: '15s',
  labels: { job: 'pushgateway', instance: 'gw:9091' },
};

describe('the Prometheus answers', () => {
  it.each<PrometheusView>([
    { configured: false },
    { configured: true, address: 'http://prom:9090/', reachable: false, error: 'ECONNREFUSED' },
    {
      configured: true,
      address: 'http://prom:9090/',
      reachable: true,
      version: '3.1.0',
      check: { state: 'scraped', target, honorLabels: false, fixedConfig: 'honor_labels: true' },
    },
    {
      configured: true,
      address: 'http://prom:9090/',
      reachable: true,
      version: null,
      check: { state: 'not-scraped', targets: 4 },
    },
  ])('come back as they were sent: %j', (view) => {
    expect(decodePrometheusView(roundTrip(view))).toEqual(view);
  });

  it.each<SeenView>([
    { state: 'unavailable', reason: 'Prometheus is not configured.' },
    { state: 'seen', matchers: [['job', 'a']], lastScrape: 5, pushTime: 4, graphBase: 'http://prom:9090/' },
    { state: 'not-seen', matchers: [], lastScrape: null, pushTime: null, graphBase: 'http://prom:9090/' },
  ])('give back whether Prometheus holds a group: %j', (view) => {
    expect(decodeSeenView(roundTrip(view))).toEqual(view);
  });

  it('refuse a view with a field amiss, saying which', () => {
    const scraped = {
      state: 'scraped',
      target: { ...target, labels: { job: 1 } },
      honorLabels: null,
      fixedConfig: null,
    };
    const view = { configured: true, address: 'a', reachable: true, version: null, check: scraped };
    expect(() => decodePrometheusView(view)).toThrow('check.target.labels');
    expect(() => decodePrometheusView('x')).toThrow(WireShapeError);
    expect(() => decodeSeenView({ state: 'seen', matchers: [['job']], graphBase: '' })).toThrow('matchers[0]');
    expect(() => decodeSeenView({ state: 'maybe' })).toThrow('state is a string, not "seen"');
  });
});
