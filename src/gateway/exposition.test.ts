import { describe, expect, it } from 'vitest';
import fixture from './fixtures/api-v1-metrics-1.5.1.json';
import native from './fixtures/native-histogram-group.json';
import { groupToExposition, isRestorable } from './exposition';
import { parseGroup, parseMetricsResponse } from '../../core/metrics';

const groups = parseMetricsResponse(fixture);
const byJob = (job: string) => groups.find((g) => g.job === job)!;

const family = (type: string, metrics: unknown[], help?: string) => ({
  time_stamp: '2026-11-24T21:06:23Z',
  type,
  ...(help === undefined ? {} : { help }),
  metrics,
});
const groupOf = (families: Record<string, unknown>, labels: Record<string, string> = { job: 'j', instance: 'i' }) =>
  parseGroup({ labels, last_push_successful: true, ...families }, 0);

describe('groupToExposition', () => {
  it('writes counters, gauges and untyped with HELP and TYPE, without the group labels', () => {
    expect(groupToExposition(byJob('backup'))).toBe(
      '# HELP backup_bytes_total Bytes written by the backup.\n' +
        '# TYPE backup_bytes_total counter\n' +
        'backup_bytes_total{kind="full"} 1.23456789e+09\n' +
        'backup_bytes_total{kind="incr"} 42\n' +
        '# TYPE backup_duration_seconds gauge\n' +
        'backup_duration_seconds 812.5\n' +
        '# TYPE backup_ok untyped\n' +
        'backup_ok 1\n',
    );
  });

  it('writes summaries and classic histograms with every quantile and bucket', () => {
    const text = groupToExposition(byJob('etl'));
    expect(text).not.toContain('push_time_seconds');
    expect(text).toMatch(
      /# TYPE etl_rpc_seconds summary\n(etl_rpc_seconds\{quantile="[^"]+"\} \S+\n)+etl_rpc_seconds_sum \S+\netl_rpc_seconds_count \S+\n/,
    );
    expect(text).toMatch(
      /# TYPE etl_step_seconds histogram\n(etl_step_seconds_bucket\{le="[^"]+"\} \S+\n)+etl_step_seconds_sum \S+\netl_step_seconds_count \S+\n/,
    );
    expect(text).toContain('le="+Inf"}');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it('keeps the label names sorted, quantile and le last', () => {
    const g = groupOf({
      s: family('SUMMARY', [
        { labels: { job: 'j', instance: 'i', z: '1', a: '2' }, quantiles: { '0.5': '1' }, count: '1', sum: '1' },
      ]),
    });
    expect(groupToExposition(g)).toBe(
      '# TYPE s summary\ns{a="2",z="1",quantile="0.5"} 1\ns_sum{a="2",z="1"} 1\ns_count{a="2",z="1"} 1\n',
    );
  });

  it('escapes hostile HELP and label values so they stay data', () => {
    const help = 'a \\ b\nc <img src=x onerror=alert(1)> "}';
    const g = groupOf({
      m: family('GAUGE', [{ labels: { job: 'j', instance: 'i', v: '"}\n\\ مرحبا' }, value: 'NaN' }], help),
    });
    expect(groupToExposition(g)).toBe(
      '# HELP m a \\\\ b\\nc <img src=x onerror=alert(1)> "}\n# TYPE m gauge\nm{v="\\"}\\n\\\\ مرحبا"} NaN\n',
    );
  });

  it('drops the instance="" filler of a group without instance but keeps other labels', () => {
    const g = groupOf(
      { m: family('COUNTER', [{ labels: { job: 'j', instance: '', x: '' }, value: '+Inf' }]) },
      { job: 'j' },
    );
    expect(groupToExposition(g)).toBe('# TYPE m counter\nm{x=""} +Inf\n');
  });

  it('writes HELP and TYPE alone for a family without samples', () => {
    expect(groupToExposition(groupOf({ m: family('GAUGE', [], 'h') }))).toBe('# HELP m h\n# TYPE m gauge\n');
  });

  it('says beforehand which groups it can restore', () => {
    // A native histogram with its buckets goes back as protobuf; 1.5.1's form without them cannot.
    expect(isRestorable(parseGroup(native.group, 0))).toBe(true);
    const empty = groupOf({ h: family('HISTOGRAM', [{ labels: { job: 'j' }, buckets: {}, count: '1', sum: '1' }]) });
    expect(isRestorable(empty)).toBe(false);
    expect(isRestorable(byJob('etl'))).toBe(true);
    expect(groups.every((g) => g.problem || isRestorable(g))).toBe(true);
  });

  it('refuses native histograms, which text format cannot hold', () => {
    expect(() => groupToExposition(parseGroup(native.group, 0))).toThrow(
      'cannot restore native histogram "rpc_latency_seconds" as text',
    );
    const empty = groupOf({ h: family('HISTOGRAM', [{ labels: { job: 'j' }, buckets: {}, count: '1', sum: '1' }]) });
    expect(() => groupToExposition(empty)).toThrow('cannot restore native histogram "h" as text');
  });
});
