import { describe, expect, it } from 'vitest';
import { scrapeConfig } from './scrape-config';

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
