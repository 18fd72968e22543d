import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../core/metrics';
import type { RhythmView } from '../../core/rhythm';
import { healthExportText } from './health-export';

describe('healthExportText', () => {
  const group = (labels: Record<string, string>, pushTime: number, failed = false) => ({
    labels,
    last_push_successful: !failed,
    push_time_seconds: {
      type: 'GAUGE',
      help: '',
      time_stamp: '2026-01-01T00:00:00Z',
      metrics: [{ labels, value: String(pushTime) }],
    },
    ...(failed
      ? {
          push_failure_time_seconds: {
            type: 'GAUGE',
            help: '',
            time_stamp: '2026-01-01T00:00:00Z',
            metrics: [{ labels, value: String(pushTime + 1) }],
          },
        }
      : {}),
  });
  const groups = parseGroups([
    group({ job: 'late', instance: 'a"b' }, 1000),
    group({ job: 'fine' }, 1990),
    group({ job: 'unknown' }, 1500),
    group({ job: 'fine', instance: 'broken' }, 1990, true),
    group({ job: 'utf8', 'foo.bar': 'x' }, 1000),
  ]);
  const rhythm = (interval: number, pushTime: number): RhythmView => ({
    source: 'learned',
    intervalSeconds: interval,
    describe: '',
    basis: pushTime,
    nextDue: pushTime + interval,
    lateAt: pushTime + 2 * interval,
  });
  const rhythms: Record<string, RhythmView> = {
    '{job="late", instance="a\\"b"}': rhythm(100, 1000),
    '{job="fine"}': rhythm(60, 1990),
  };
  const text = healthExportText(groups, (g) => rhythms[g.key], { nowSeconds: 2000, perGroup: true });

  it('gives the last success, its age, the interval, late and failed, labelled with the grouping labels', () => {
    expect(text).toContain('# TYPE pushboard_group_overdue gauge\n');
    expect(text).toContain('pushboard_group_overdue{job="late",instance="a\\"b"} 1\n');
    expect(text).toContain('pushboard_group_overdue{job="fine"} 0\n');
    expect(text).toContain('pushboard_group_expected_interval_seconds{job="late",instance="a\\"b"} 100\n');
    expect(text).toContain('pushboard_group_last_push_age_seconds{job="unknown"} 500.000\n');
    expect(text).toContain('pushboard_group_last_success_timestamp_seconds{job="unknown"} 1500\n');
    expect(text).toContain('pushboard_group_last_push_failed{job="fine",instance="broken"} 1\n');
    expect(text).toContain('pushboard_group_last_push_failed{job="fine"} 0\n');
  });

  it('leaves out the late state of a group without a rhythm, and groups the text format cannot label', () => {
    expect(text).not.toContain('pushboard_group_overdue{job="unknown"}');
    expect(text).not.toContain('foo.bar');
  });

  it('counts each job’s groups by state, also without the per-group export', () => {
    const counts = healthExportText(groups, (g) => rhythms[g.key], { nowSeconds: 2000, perGroup: false });
    expect(counts).toContain('pushboard_job_groups{job="fine",state="failed"} 1\n');
    expect(counts).toContain('pushboard_job_groups{job="fine",state="on_time"} 1\n');
    expect(counts).toContain('pushboard_job_groups{job="late",state="late"} 1\n');
    expect(counts).toContain('pushboard_job_groups{job="unknown",state="no_rhythm"} 1\n');
    expect(counts).not.toContain('pushboard_group_');
  });
});
