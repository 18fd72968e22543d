import { describe, expect, it } from 'vitest';
import { encodeDelimited, PROTO_TYPES, type MetricFamilyMessage } from '../src/gateway/protobuf';
import { HISTOGRAM_PUSHES } from '../src/gateway/fixtures/histogram-pushes';
import { readDelimited, seriesKey, writeDelimited } from './protobuf-families';

const label = (labels: Record<string, string>) => Object.entries(labels).map(([name, value]) => ({ name, value }));

const families: MetricFamilyMessage[] = [
  {
    name: 'jobs_total',
    help: 'Jobs ✓',
    type: PROTO_TYPES.COUNTER,
    metric: [
      { label: label({ job: 'a', instance: '', queue: 'mail' }), counter: { value: 3 } },
      { label: label({ job: 'b+c', instance: 'x', path: '/var/lib' }), counter: { value: 0.5 } },
    ],
  },
  ...HISTOGRAM_PUSHES.flatMap(({ labels, families }) =>
    families.map((f) => ({ ...f, metric: f.metric.map((m) => ({ ...m, label: label(labels) })) })),
  ),
];

describe('readDelimited and writeDelimited', () => {
  it('read every family, metric and label, and write back the same bytes', () => {
    const bytes = encodeDelimited(families);
    const read = readDelimited(bytes);
    expect(read.map((f) => f.name)).toEqual(families.map((f) => f.name));
    expect(read[0]!.metrics.map((m) => m.labels)).toEqual([
      { job: 'a', instance: '', queue: 'mail' },
      { job: 'b+c', instance: 'x', path: '/var/lib' },
    ]);
    expect(writeDelimited(read)).toEqual(bytes);
  });

  it('keep fields they do not know, byte for byte (a unit, a timestamp, an exemplar)', () => {
    const [family] = readDelimited(encodeDelimited([families[0]!]));
    // Field 5 of MetricFamily (unit "seconds"), field 6 of Metric (timestamp_ms 5).
    const unit = Uint8Array.of(0x2a, 7, ...new TextEncoder().encode('seconds'));
    const withMore = {
      ...family!,
      head: Uint8Array.of(...family!.head, ...unit),
      metrics: family!.metrics.map((m) => ({ ...m, bytes: Uint8Array.of(...m.bytes, 0x30, 5) })),
    };
    const again = readDelimited(writeDelimited([withMore]));
    expect(again[0]!.head).toEqual(withMore.head);
    expect(again[0]!.metrics.map((m) => m.bytes)).toEqual(withMore.metrics.map((m) => m.bytes));
    expect(again[0]!.metrics[0]!.labels).toEqual({ job: 'a', instance: '', queue: 'mail' });
  });

  it('refuse bytes that are not delimited protobuf', () => {
    const bytes = encodeDelimited(families);
    expect(() => readDelimited(bytes.subarray(0, bytes.length - 3))).toThrow('truncated protobuf');
    expect(() => readDelimited(new TextEncoder().encode('{"status":"success"}'))).toThrow();
  });
});

describe('seriesKey', () => {
  it('is the same whatever the order of the labels, and for empty values and absent ones', () => {
    expect(seriesKey({ job: 'a', instance: '', b: '1' })).toBe(seriesKey({ b: '1', job: 'a' }));
    expect(seriesKey({ job: 'a', b: '1' })).not.toBe(seriesKey({ job: 'a', b: '2' }));
  });
});
