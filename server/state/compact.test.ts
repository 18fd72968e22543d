import { describe, expect, it } from 'vitest';
import { readGroups } from './gateway-state';
import { compactGroups } from './compact';

const labels = (job: string, instance: string) => [
  { name: 'job', value: job },
  { name: 'instance', value: instance },
];

/** A /api/v1/metrics answer with two groups of one job, and one series with a label of its own. */
function answer(): string {
  const group = (instance: string, extra: Record<string, string> = {}) => ({
    labels: Object.fromEntries(labels('backup', instance).map((l) => [l.name, l.value])),
    last_push_successful: true,
    push_time_seconds: {
      time_stamp: '2026-12-05T07:33:38.857908482Z',
      type: 'GAUGE',
      help: 'Last time.',
      metrics: [{ labels: { job: 'backup', instance }, value: '1.79e+09' }],
    },
    push_failure_time_seconds: {
      time_stamp: '2026-12-05T07:33:38.857908482Z',
      type: 'GAUGE',
      help: 'Last failure.',
      metrics: [{ labels: { job: 'backup', instance }, value: '0' }],
    },
    backup_bytes: {
      time_stamp: '2026-12-05T07:33:38.857908482Z',
      type: 'HISTOGRAM',
      help: 'Bytes written.',
      metrics: [
        {
          labels: { job: 'backup', instance, ...extra },
          buckets: { '1024': '2', '+Inf': '3' },
          count: '3',
          sum: '4096',
        },
      ],
    },
  });
  return JSON.stringify({ status: 'success', data: [group('db-1'), group('db-2', { disk: 'sda' })] });
}

describe('compactGroups', () => {
  it('leaves every group equal to what was read', () => {
    const before = readGroups(answer());
    const after = readGroups(answer());
    compactGroups(after);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it("shares the group's labels with series that carry exactly them, and only those", () => {
    const groups = readGroups(answer());
    compactGroups(groups);
    const [one, two] = groups;
    const series = (g: typeof one) => g!.families.flatMap((f) => f.samples);
    expect(series(one).every((s) => s.labels === one!.labels)).toBe(true);
    const own = series(two).find((s) => 'disk' in s.labels);
    expect(own?.labels).not.toBe(two!.labels);
    expect(own?.labels).toEqual({ job: 'backup', instance: 'db-2', disk: 'sda' });
  });

  it('keeps the selector equal to the key', () => {
    const groups = readGroups(answer());
    compactGroups(groups);
    for (const g of groups) expect(g.selector).toBe(g.key);
  });
});
