import { describe, expect, it } from 'vitest';
import metricsFixture from '../src/gateway/fixtures/api-v1-metrics-1.5.1.json';
import nativeFixture from '../src/gateway/fixtures/native-histogram-group.json';
import { PUSH_FAILURE_TIME, PUSH_TIME, parseGroup, parseMetricsResponse } from './metrics';
import type { Family, Group, Sample } from './metrics-types';

function byJob(groups: Group[], job: string): Group {
  const group = groups.find((g) => g.job === job);
  if (!group) throw new Error(`no group for job ${job}`);
  return group;
}

function familyOf(group: Group, name: string): Family {
  const family = group.families.find((f) => f.name === name);
  if (!family) throw new Error(`no family ${name} in ${group.selector}`);
  return family;
}

function onlySample<K extends Sample['kind']>(family: Family, kind: K): Extract<Sample, { kind: K }> {
  expect(family.samples).toHaveLength(1);
  const sample = family.samples[0];
  if (sample?.kind !== kind) throw new Error(`expected a ${kind} sample, got ${sample?.kind}`);
  return sample as Extract<Sample, { kind: K }>;
}

/** A fresh deep copy, so no test can change what another one sees. */
const fixture = (): { status: string; data: unknown[] } => JSON.parse(JSON.stringify(metricsFixture));

describe('parseMetricsResponse with the captured 1.5.1 fixture', () => {
  const groups = parseMetricsResponse(fixture());

  it('returns every group, keyed by its selector', () => {
    expect(groups.map((g) => g.key)).toEqual([
      '{job="backup", instance="db-1"}',
      '{job="etl", empty="", instance="node-7", path="/var/lib/etl"}',
      '{job="report", instance="broken"}',
      '{job="weird"}',
    ]);
    for (const g of groups) expect(g.key).toBe(g.selector);
  });

  it('reads a sound group completely', () => {
    const backup = byJob(groups, 'backup');
    expect(backup.problem).toBeUndefined();
    expect(backup.labels).toEqual({ instance: 'db-1', job: 'backup' });
    expect(backup.instance).toBe('db-1');
    expect(backup.lastPushSuccessful).toBe(true);
    expect(backup.pushTime).toBe(1795554383.3202488);
    expect(backup.failureTime).toBe(0);
    expect(backup.sampleCount).toBe(4);

    const bytes = familyOf(backup, 'backup_bytes_total');
    expect(bytes.type).toBe('COUNTER');
    expect(bytes.help).toBe('Bytes written by the backup.');
    expect(bytes.timeStamp).toBe('2026-11-24T21:06:23.320248851Z');
    expect(bytes.samples).toEqual([
      { kind: 'value', labels: { instance: 'db-1', job: 'backup', kind: 'full' }, value: '1.23456789e+09' },
      { kind: 'value', labels: { instance: 'db-1', job: 'backup', kind: 'incr' }, value: '42' },
    ]);
    // HELP is omitted by the gateway when empty.
    expect(familyOf(backup, 'backup_duration_seconds').help).toBe('');
    expect(familyOf(backup, 'backup_ok').type).toBe('UNTYPED');
  });

  it('keeps push_time_seconds and push_failure_time_seconds out of the families', () => {
    for (const g of groups) {
      const names = g.families.map((f) => f.name);
      expect(names).not.toContain(PUSH_TIME);
      expect(names).not.toContain(PUSH_FAILURE_TIME);
    }
  });

  it('sorts families by name', () => {
    expect(byJob(groups, 'etl').families.map((f) => f.name)).toEqual([
      'etl_extreme',
      'etl_rpc_seconds',
      'etl_step_seconds',
    ]);
    for (const g of groups) {
      const names = g.families.map((f) => f.name);
      expect(names).toEqual([...names].sort());
    }
  });

  it('keeps special values and hostile HELP text exactly as sent', () => {
    const etl = byJob(groups, 'etl');
    const extreme = familyOf(etl, 'etl_extreme');
    expect(extreme.samples.map((s) => (s.kind === 'value' ? s.value : s.kind))).toEqual(['+Inf', '-Inf', '1e-300']);
    expect(familyOf(etl, 'etl_rpc_seconds').help).toBe('RPC latency with "quotes", a \\ backslash and a\nnewline.');
  });

  it('sorts summary quantiles and histogram buckets numerically, +Inf last', () => {
    const etl = byJob(groups, 'etl');
    const summary = onlySample(familyOf(etl, 'etl_rpc_seconds'), 'summary');
    expect(summary.quantiles).toEqual([
      ['0.5', '0.25'],
      ['0.99', 'NaN'],
    ]);
    expect([summary.count, summary.sum]).toEqual(['40', '12']);
    const histogram = onlySample(familyOf(etl, 'etl_step_seconds'), 'histogram');
    expect(histogram.buckets).toEqual([
      ['0.1', '3'],
      ['1', '7'],
      ['10', '8'],
      ['+Inf', '9'],
    ]);
    expect([histogram.count, histogram.sum]).toEqual(['9', '14.2']);
  });

  it('reports a failed first push: not successful, no push time, a failure time, no families', () => {
    const report = byJob(groups, 'report');
    expect(report.selector).toBe('{job="report", instance="broken"}');
    expect(report.lastPushSuccessful).toBe(false);
    expect(report.pushTime).toBe(0);
    expect(report.failureTime).toBe(1795554383.3367884);
    expect(report.failureTime).toBeGreaterThan(0);
    expect(report.families).toEqual([]);
    expect(report.sampleCount).toBe(0);
    expect(report.problem).toBeUndefined();
  });

  it('flags the group whose "labels" were overwritten, recovers its labels and shows the family', () => {
    const weird = byJob(groups, 'weird');
    expect(weird.problem).toBe(
      'A pushed metric family named "labels" overwrote the gateway\'s own "labels" field; ' +
        'the labels shown were recovered from its samples',
    );
    expect(weird.labels).toEqual({ job: 'weird' });
    expect(weird.instance).toBeUndefined();
    expect(weird.selector).toBe('{job="weird"}');
    expect(weird.lastPushSuccessful).toBe(true);
    expect(weird.pushTime).toBe(1795554383.3438966);
    expect(weird.families.map((f) => f.name)).toEqual(['labels']);
    const labels = familyOf(weird, 'labels');
    expect(labels.type).toBe('UNTYPED');
    expect(labels.samples).toEqual([{ kind: 'value', labels: { instance: '', job: 'weird' }, value: '1' }]);
    expect(weird.sampleCount).toBe(1);
  });

  it('gives the same groups whatever the order of data', () => {
    const json = fixture();
    json.data.reverse();
    const reversed = parseMetricsResponse(json);
    const byKey = (list: Group[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(byKey(reversed)).toEqual(byKey(groups));
  });
});

describe('native histograms', () => {
  it('parses array buckets as rule, lower, upper, count in the order sent', () => {
    const group = parseGroup(JSON.parse(JSON.stringify(nativeFixture.group)), 0);
    expect(group.problem).toBeUndefined();
    expect(group.selector).toBe('{job="rpc", instance="api-1"}');
    expect(group.pushTime).toBe(1795545600);
    const sample = onlySample(familyOf(group, 'rpc_latency_seconds'), 'native-histogram');
    expect(sample.count).toBe('18');
    expect(sample.sum).toBe('9.375');
    expect(sample.buckets).toEqual([
      { rule: 1, lower: '-0.5', upper: '-0.25', count: '1' },
      { rule: 3, lower: '-0.001', upper: '0.001', count: '2' },
      { rule: 0, lower: '0.125', upper: '0.25', count: '4' },
      { rule: 0, lower: '0.25', upper: '0.5', count: '7' },
      { rule: 0, lower: '0.5', upper: '1', count: '3' },
      { rule: 0, lower: '4', upper: '8', count: '1' },
    ]);
  });

  it('reads 1.5.1\'s "buckets":{} as a histogram with zero buckets', () => {
    const group = parseGroup(
      {
        labels: { job: 'rpc' },
        last_push_successful: true,
        h: { type: 'HISTOGRAM', metrics: [{ labels: { job: 'rpc' }, buckets: {}, count: '18', sum: '9.375' }] },
      },
      0,
    );
    expect(group.problem).toBeUndefined();
    const sample = onlySample(familyOf(group, 'h'), 'histogram');
    expect(sample.buckets).toEqual([]);
    expect(sample.count).toBe('18');
  });

  it.each([
    ['a rule out of range', [4, '0', '1', '2']],
    ['a rule given as text', ['0', '0', '1', '2']],
    ['a bound that is a number', [0, 0, '1', '2']],
    ['three elements', [0, '0', '1']],
    ['an object', { rule: 0 }],
  ])('turns a native bucket with %s into a group problem', (_, bucket) => {
    const group = parseGroup(
      {
        labels: { job: 'rpc' },
        last_push_successful: true,
        h: { type: 'HISTOGRAM', metrics: [{ labels: {}, buckets: [bucket], count: '1', sum: '1' }] },
      },
      0,
    );
    expect(group.families).toEqual([]);
    expect(group.problem).toBe('Family "h" has a sample that has a native histogram bucket of the wrong shape');
  });
});

describe('bucket and quantile order', () => {
  it('sorts by numeric value although JavaScript puts integer-like keys first', () => {
    const raw = { '+Inf': '9', '2.5': '5', '10': '8', '0.005': '1', '100': '9', '1e-3': '0' };
    expect(Object.keys(raw)[0]).toBe('10'); // the trap: insertion order is not kept
    const group = parseGroup(
      {
        labels: { job: 'j' },
        last_push_successful: true,
        h: { type: 'HISTOGRAM', metrics: [{ labels: {}, buckets: raw, count: '9', sum: '3' }] },
        s: {
          type: 'SUMMARY',
          metrics: [
            {
              labels: {},
              quantiles: { '0.99': 'a', '0.5': 'b', '0': 'c', '0.999': 'd', '1': 'e', '0.9': 'f' },
              count: '1',
              sum: '1',
            },
          ],
        },
      },
      0,
    );
    const h = onlySample(familyOf(group, 'h'), 'histogram');
    expect(h.buckets.map(([le]) => le)).toEqual(['1e-3', '0.005', '2.5', '10', '100', '+Inf']);
    const s = onlySample(familyOf(group, 's'), 'summary');
    expect(s.quantiles.map(([q]) => q)).toEqual(['0', '0.5', '0.9', '0.99', '0.999', '1']);
  });
});

describe('sortingKey', () => {
  it('gives the same key as the full parse, for sound and malformed groups alike', async () => {
    const { sortingKey } = await import('./metrics');
    const raws = (metricsFixture as { data: unknown[] }).data;
    for (const [i, raw] of raws.entries()) {
      const light = sortingKey(raw, i);
      const full = parseGroup(raw, i);
      expect({ key: light.key, job: light.job, instance: light.instance }).toEqual({
        key: full.key,
        job: full.job,
        instance: full.instance,
      });
    }
  });
});
