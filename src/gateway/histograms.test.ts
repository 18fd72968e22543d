/**
 * Histograms as each gateway version returns them, from answers recorded from the real gateways
 * (e2e/histograms.spec.ts pushes HISTOGRAM_PUSHES over protobuf and checks the answer still
 * matches), and the way back: the protobuf Undo pushes must carry the same histogram.
 */
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import answer1110 from './fixtures/api-v1-metrics-1.11.0-histograms.json';
import answer151 from './fixtures/api-v1-metrics-1.5.1-histograms.json';
import { HISTOGRAM_PUSHES } from './fixtures/histogram-pushes';
import { parseGroups } from '../../core/metrics';
import type { Group, Sample } from '../../core/metrics-types';
import schema from './metrics.proto?raw';
import { groupNeedsProtobuf } from './protobuf-group';
import { groupToProtobuf } from './protobuf-encode';

const MetricFamily = protobuf.parse(schema, { keepCase: true }).root.lookupType('io.prometheus.client.MetricFamily');
const plain = (message: protobuf.Message) => MetricFamily.toObject(message, { longs: Number, enums: String });

function decode(bytes: Uint8Array) {
  const reader = protobuf.Reader.create(bytes);
  const out = [];
  while (reader.pos < reader.len) out.push(plain(MetricFamily.decodeDelimited(reader)));
  return out;
}

const find = (groups: Group[], instance: string, job?: string) =>
  groups.find((g) => g.instance === instance && (!job || g.job === job))!;
const sampleOf = (group: Group): Sample => group.families[0]!.samples[0]!;
const pushed = (instance: string, job?: string) =>
  HISTOGRAM_PUSHES.find((p) => p.labels.instance === instance && (!job || p.labels.job === job))!.families;

describe('histograms from gateway 1.11.0 (recorded)', () => {
  const groups = parseGroups(answer1110);

  it('reads native buckets: negative [l,u), the zero bucket [l,u], positive (l,u]', () => {
    const sample = sampleOf(find(groups, 'integer'));
    expect(sample.kind).toBe('native-histogram');
    if (sample.kind !== 'native-histogram') return;
    expect(sample.buckets.map((b) => [b.rule, b.lower, b.upper, b.count])).toEqual([
      [1, '-2', '-1', '3'],
      [1, '-1', '-0.5', '1'],
      [3, '-0.001', '0.001', '2'],
      [0, '0.25', '0.5', '4'],
      [0, '0.5', '1', '3'],
      [0, '4', '8', '3'],
    ]);
    expect([sample.count, sample.sum]).toEqual(['17', '12.5']);
  });

  it('reads a histogram with classic and native buckets as native only (1.10+)', () => {
    const sample = sampleOf(find(groups, 'classic-and-native'));
    expect(sample.kind).toBe('native-histogram');
  });

  it('reads float counts in native and classic form', () => {
    const native = sampleOf(find(groups, 'native', 'float'));
    expect(native.kind === 'native-histogram' && native.buckets.map((b) => b.count)).toEqual([
      '1.5',
      '0.25',
      '2.5',
      '2.5',
    ]);
    const classic = sampleOf(find(groups, 'classic', 'float'));
    expect(classic.kind === 'histogram' && [classic.buckets, classic.count]).toEqual([
      [
        ['0.25', '0.5'],
        ['1', '2.5'],
        ['+Inf', '3.5'],
      ],
      '3.5',
    ]);
  });

  it('reads an empty bucket list as [] (native, with a span) or {} (without)', () => {
    expect(sampleOf(find(groups, 'empty-span'))).toMatchObject({ kind: 'native-histogram', buckets: [] });
    expect(sampleOf(find(groups, 'empty'))).toMatchObject({ kind: 'histogram', buckets: [] });
  });

  it('reads boundary rule 2, (l,u), from the documented shape (no push produces it)', () => {
    const [group] = parseGroups([
      {
        labels: { job: 'j' },
        h: { type: 'HISTOGRAM', metrics: [{ labels: {}, buckets: [[2, '0', '1', '1']], count: '1', sum: '0.5' }] },
      },
    ]);
    expect(sampleOf(group!)).toMatchObject({ buckets: [{ rule: 2, lower: '0', upper: '1', count: '1' }] });
  });
});

describe('histograms from gateway 1.5.1 (recorded)', () => {
  const groups = parseGroups(answer151);

  it('has no native buckets: count and sum only, and float counts read as 0', () => {
    expect(sampleOf(find(groups, 'integer'))).toMatchObject({ kind: 'histogram', buckets: [], count: '17' });
    expect(sampleOf(find(groups, 'classic-and-native'))).toMatchObject({ kind: 'histogram', count: '6' });
    expect(sampleOf(find(groups, 'classic', 'float'))).toMatchObject({ count: '0' });
  });

  it('cannot push a native histogram back: its buckets are not shown', () => {
    expect(() => groupToProtobuf(find(groups, 'integer'))).toThrow(
      'cannot restore histogram "request_seconds": this gateway shows it without buckets',
    );
  });
});

describe('groupToProtobuf: pushing back what 1.11.0 showed', () => {
  const groups = parseGroups(answer1110);
  const normal = (families: unknown[]) => families.map((f) => plain(MetricFamily.fromObject(f as object)));

  it.each([
    ['integer', 'native'],
    ['native', 'float'],
  ])('rebuilds the pushed native histogram %s/%s exactly', (instance, job) => {
    const group = find(groups, instance, job);
    expect(groupNeedsProtobuf(group)).toBe(true);
    expect(decode(groupToProtobuf(group))).toEqual(normal(pushed(instance, job)));
  });

  it('rebuilds a native histogram without buckets, with schema 0 (the gateway does not show its schema)', () => {
    const [family] = normal(pushed('empty-span')) as Array<{ metric: Array<{ histogram: object }> }>;
    const expected = { ...family!, metric: [{ histogram: { ...family!.metric[0]!.histogram, schema: 0 } }] };
    expect(decode(groupToProtobuf(find(groups, 'empty-span')))).toEqual([expected]);
  });

  it('rebuilds float classic buckets with float counts', () => {
    const group = find(groups, 'classic', 'float');
    expect(groupNeedsProtobuf(group)).toBe(true);
    expect(decode(groupToProtobuf(group))).toEqual(normal(pushed('classic', 'float')));
  });

  it('keeps the native buckets of a classic+native histogram; its classic ones were never shown', () => {
    const [family] = decode(groupToProtobuf(find(groups, 'classic-and-native'))) as Array<{
      metric: Array<{ histogram: Record<string, unknown> }>;
    }>;
    const { bucket, ...native } = (normal(pushed('classic-and-native'))[0] as typeof family)!.metric[0]!.histogram;
    expect(bucket).toHaveLength(3);
    // Its zero bucket was empty, so not shown: its width becomes Prometheus' default.
    expect(family!.metric[0]!.histogram).toEqual({ ...native, zero_threshold: 2 ** -128, zero_count: 0 });
  });

  it('leaves plain groups to text exposition', () => {
    const [group] = parseGroups([
      { labels: { job: 'j' }, m: { type: 'COUNTER', metrics: [{ labels: { job: 'j' }, value: '2.5' }] } },
    ]);
    expect(groupNeedsProtobuf(group!)).toBe(false);
  });
});
