import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scrapeConfig, scrapeConfigs } from './scrape-config';

describe('scrapeConfig', () => {
  it('is a scrape job with honor_labels for a gateway at the root', () => {
    expect(scrapeConfig('http://gw.internal:9091/')).toBe(
      [
        'scrape_configs:',
        '  - job_name: pushgateway',
        '    # Keep the job and instance labels the pushers set.',
        '    honor_labels: true',
        '    static_configs:',
        '      - targets: ["gw.internal:9091"]',
        '',
      ].join('\n'),
    );
  });
  it('adds the scheme for https and the metrics path under a route prefix', () => {
    const yaml = scrapeConfig('https://example.org/pgw/');
    expect(yaml).toContain('    scheme: https\n');
    expect(yaml).toContain('    metrics_path: "/pgw/metrics"\n');
    expect(yaml).toContain('      - targets: ["example.org"]\n');
    expect(scrapeConfig('http://h:1/a/b')).toContain('metrics_path: "/a/b/metrics"');
  });
});

describe('scrapeConfigs', () => {
  it('is one job per gateway, each with its scheme, path and a pushgateway label naming it', () => {
    expect(
      scrapeConfigs([
        { name: 'eu-1', address: 'http://eu-gw:9091/' },
        { name: 'us-1', address: 'https://us.example.org/pgw/' },
      ]),
    ).toBe(
      [
        'scrape_configs:',
        '  # One job per gateway; the pushgateway label tells apart the same group on several of them.',
        '  - job_name: pushgateway-eu-1',
        '    # Keep the job and instance labels the pushers set.',
        '    honor_labels: true',
        '    static_configs:',
        '      - targets: ["eu-gw:9091"]',
        '        labels:',
        '          pushgateway: "eu-1"',
        '  - job_name: pushgateway-us-1',
        '    # Keep the job and instance labels the pushers set.',
        '    honor_labels: true',
        '    scheme: https',
        '    metrics_path: "/pgw/metrics"',
        '    static_configs:',
        '      - targets: ["us.example.org"]',
        '        labels:',
        '          pushgateway: "us-1"',
        '',
      ].join('\n'),
    );
  });
  it('is YAML Prometheus reads as two jobs', () => {
    const yaml = scrapeConfigs([
      { name: 'eu-1', address: 'http://eu-gw:9091/' },
      { name: 'us-1', address: 'http://us-gw:9091/' },
    ]);
    expect(parse(yaml)).toEqual({
      scrape_configs: ['eu-1', 'us-1'].map((name) => ({
        job_name: `pushgateway-${name}`,
        honor_labels: true,
        static_configs: [{ targets: [`${name.slice(0, 2)}-gw:9091`], labels: { pushgateway: name } }],
      })),
    });
  });
});
