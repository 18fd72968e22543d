import { describe, expect, it } from 'vitest';
import { formatSelector } from '../../core/selector';
import { overdue } from '../../core/cadence';
import { cadenceQueries, cadences, groupingLabels, pushTimeSelector } from './cadence';

const sample = (metric: Record<string, string>, value: number) => ({
  metric,
  value: [0, String(value)] as [number, string],
});

describe('pushTimeSelector and cadenceQueries', () => {
  it('reads every push time with honor_labels, and the scrape job’s without', () => {
    expect(pushTimeSelector(true, 'pushgateway')).toBe('push_time_seconds');
    expect(pushTimeSelector(false, 'push"gw')).toBe('push_time_seconds{job="push\\"gw"}');
    expect(cadenceQueries('push_time_seconds', '7d')).toEqual({
      changes: 'changes(push_time_seconds[7d])',
      span: 'max_over_time(push_time_seconds[7d]) - min_over_time(push_time_seconds[7d])',
    });
  });
});

describe('groupingLabels', () => {
  const target = { job: 'pushgateway', instance: 'gw:9091', env: 'prod' };
  it('with honor_labels, the series’ own labels less the target’s extra ones', () => {
    expect(
      groupingLabels(
        { __name__: 'push_time_seconds', job: 'backup', instance: 'db-1', env: 'prod', path: '/x' },
        true,
        target,
      ),
    ).toEqual({ job: 'backup', instance: 'db-1', path: '/x' });
  });
  it('without it, exported_job and exported_instance are the pushed ones', () => {
    expect(
      groupingLabels(
        { __name__: 'push_time_seconds', job: 'pushgateway', instance: 'gw:9091', exported_job: 'backup', env: 'prod' },
        false,
        target,
      ),
    ).toEqual({ job: 'backup' });
  });
});

describe('cadences', () => {
  const key = (labels: Record<string, string>) => formatSelector(labels);
  const same = (m: Record<string, string>) => groupingLabels(m, true, {});
  it('the mean gap between pushes, for groups pushed three times or more', () => {
    const result = cadences(
      [sample({ job: 'hourly' }, 24), sample({ job: 'twice' }, 1), sample({ job: 'nospan' }, 5)],
      [sample({ job: 'hourly' }, 24 * 3600), sample({ job: 'twice' }, 60)],
      same,
      key,
    );
    expect([...result]).toEqual([['{job="hourly"}', { intervalSeconds: 3600, pushes: 25 }]]);
  });
});

describe('overdue', () => {
  const hourly = { intervalSeconds: 3600, pushes: 25 };
  it('is late past factor × the usual interval, and unknown without a rhythm or a push', () => {
    expect(overdue(1000, hourly, 2, 1000 + 7199)).toBe(false);
    expect(overdue(1000, hourly, 2, 1000 + 7201)).toBe(true);
    expect(overdue(1000, undefined, 2, 99999)).toBeUndefined();
    expect(overdue(0, hourly, 2, 99999)).toBeUndefined();
  });
});
