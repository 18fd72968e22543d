import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Target } from './client';
import { checkScrape, scrapesGateway } from './scrape-check';

const target = (scrapePool: string, scrapeUrl: string): Target => ({
  scrapePool,
  scrapeUrl,
  health: 'up',
  lastError: '',
  lastScrape: '2026-11-25T20:00:00Z',
  lastScrapeDuration: 0.012,
  scrapeInterval: '15s',
  labels: { job: scrapePool },
});
const config = (honor: boolean | undefined) => `global:
  scrape_interval: 15s
scrape_configs:
  - job_name: pushgateway
${honor === undefined ? '' : `    honor_labels: ${honor}\n`}    static_configs:
      - targets: ['127.0.0.1:9091']
`;

describe('scrapesGateway', () => {
  it('matches host, port and path, loopback names alike', () => {
    const gw = new URL('http://localhost:9091/');
    expect(scrapesGateway('http://127.0.0.1:9091/metrics', gw)).toBe(true);
    expect(scrapesGateway('http://127.0.0.1:9092/metrics', gw)).toBe(false);
    expect(scrapesGateway('http://127.0.0.1:9091/pgw/metrics', gw)).toBe(false);
    expect(scrapesGateway('http://127.0.0.1:9091/pgw/metrics', new URL('http://127.0.0.1:9091/pgw/'))).toBe(true);
    expect(scrapesGateway('https://gw.example.com/metrics', new URL('https://gw.example.com:443/'))).toBe(true);
    expect(scrapesGateway('not a url', gw)).toBe(false);
  });
});

describe('checkScrape', () => {
  const gw = new URL('http://127.0.0.1:9091/');
  const targets = [
    target('node', 'http://127.0.0.1:9100/metrics'),
    target('pushgateway', 'http://127.0.0.1:9091/metrics'),
  ];

  it('finds the target and sees honor_labels on', () => {
    const check = checkScrape(targets, config(true), gw);
    expect(check).toMatchObject({ state: 'scraped', honorLabels: true, fixedConfig: null });
    expect(check.state === 'scraped' && check.target).toMatchObject({
      job: 'pushgateway',
      health: 'up',
      scrapeInterval: '15s',
    });
  });

  it('with honor_labels off (or left out), offers the same job with it on', () => {
    for (const honor of [false, undefined]) {
      const check = checkScrape(targets, config(honor), gw);
      expect(check.state === 'scraped' && check.honorLabels).toBe(false);
      const fixed = parse(check.state === 'scraped' ? check.fixedConfig! : '') as { scrape_configs: unknown[] };
      expect(fixed.scrape_configs).toEqual([
        { job_name: 'pushgateway', honor_labels: true, static_configs: [{ targets: ['127.0.0.1:9091'] }] },
      ]);
    }
  });

  it('says when no target is this gateway, and uses --prometheus-job when the address differs', () => {
    const elsewhere = [target('pushgateway', 'http://pushgateway.monitoring.svc:9091/metrics')];
    expect(checkScrape(elsewhere, config(true), gw)).toEqual({ state: 'not-scraped', targets: 1 });
    expect(checkScrape(elsewhere, config(true), gw, 'pushgateway')).toMatchObject({
      state: 'scraped',
      honorLabels: true,
    });
  });

  it('a job missing from the configuration leaves honor_labels unknown', () => {
    expect(checkScrape(targets, 'scrape_configs: []', gw)).toMatchObject({ state: 'scraped', honorLabels: null });
  });
});
