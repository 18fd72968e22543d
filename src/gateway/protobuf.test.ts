import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import schema from './metrics.proto?raw';
import { encodeDelimited, PROTO_TYPES, type MetricFamilyMessage } from './protobuf';

// protobufjs' reflection encoder, built from our copy of the schema: the reference for our bytes.
const { root } = protobuf.parse(schema, { keepCase: true });
const MetricFamily = root.lookupType('io.prometheus.client.MetricFamily');

function reference(families: MetricFamilyMessage[]): Uint8Array {
  const w = protobuf.Writer.create();
  for (const f of families) MetricFamily.encodeDelimited(MetricFamily.fromObject(f), w);
  return w.finish();
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function decodeAll(bytes: Uint8Array): unknown[] {
  const reader = protobuf.Reader.create(bytes);
  const out = [];
  while (reader.pos < reader.len) {
    out.push(MetricFamily.toObject(MetricFamily.decodeDelimited(reader), { longs: Number, enums: String }));
  }
  return out;
}

const families: MetricFamilyMessage[] = [
  {
    name: 'jobs_total',
    help: 'Jobs run, by result ✓',
    type: PROTO_TYPES.COUNTER,
    metric: [
      { label: [{ name: 'result', value: 'ok' }], counter: { value: 1234567890 } },
      { label: [{ name: 'foo.bar', value: '' }], counter: { value: 0.5 } },
    ],
  },
  { name: 'temp', type: PROTO_TYPES.GAUGE, metric: [{ gauge: { value: -Infinity } }, { gauge: { value: NaN } }] },
  { name: 'raw', type: PROTO_TYPES.UNTYPED, metric: [{ untyped: { value: 1e-300 } }] },
  {
    name: 'latency',
    type: PROTO_TYPES.SUMMARY,
    metric: [{ summary: { sample_count: 40, sample_sum: 12, quantile: [{ quantile: 0.5, value: 0.2 }] } }],
  },
  {
    name: 'classic',
    type: PROTO_TYPES.HISTOGRAM,
    metric: [
      {
        histogram: {
          sample_count: 9,
          sample_sum: 4.2,
          bucket: [
            { cumulative_count: 3, upper_bound: 0.1 },
            { cumulative_count: 9, upper_bound: Infinity },
          ],
        },
      },
    ],
  },
  {
    name: 'native',
    type: PROTO_TYPES.GAUGE_HISTOGRAM,
    metric: [
      {
        histogram: {
          sample_count: 12,
          sample_sum: -3.5,
          schema: -2,
          zero_threshold: 1e-3,
          zero_count: 2,
          negative_span: [{ offset: -3, length: 2 }],
          negative_delta: [1, 1],
          positive_span: [
            { offset: 0, length: 2 },
            { offset: 3, length: 1 },
          ],
          positive_delta: [3, -2, 4],
        },
      },
    ],
  },
  {
    name: 'float_native',
    type: PROTO_TYPES.HISTOGRAM,
    metric: [
      {
        histogram: {
          sample_count_float: 4.5,
          sample_sum: 10,
          schema: 3,
          zero_threshold: 0,
          zero_count_float: 0.5,
          positive_span: [{ offset: 7, length: 2 }],
          positive_count: [1.5, 2.5],
        },
      },
    ],
  },
];

describe('encodeDelimited', () => {
  it('writes exactly the bytes of protobufjs’ reflection encoder for metrics.proto', () => {
    expect(hex(encodeDelimited(families))).toBe(hex(reference(families)));
  });

  it('decodes back to the same families with the schema', () => {
    const decoded = decodeAll(encodeDelimited(families)) as Array<{ name: string; type: string; metric: unknown[] }>;
    expect(decoded.map((f) => [f.name, f.type, f.metric.length])).toEqual([
      ['jobs_total', 'COUNTER', 2],
      ['temp', 'GAUGE', 2],
      ['raw', 'UNTYPED', 1],
      ['latency', 'SUMMARY', 1],
      ['classic', 'HISTOGRAM', 1],
      ['native', 'GAUGE_HISTOGRAM', 1],
      ['float_native', 'HISTOGRAM', 1],
    ]);
    expect(decoded[5]).toMatchObject({
      metric: [{ histogram: { schema: -2, negative_delta: [1, 1], positive_delta: [3, -2, 4], zero_count: 2 } }],
    });
    expect(decoded[1]).toMatchObject({ metric: [{ gauge: { value: -Infinity } }, { gauge: { value: NaN } }] });
  });

  it('writes nothing for no families', () => {
    expect(encodeDelimited([])).toHaveLength(0);
  });
});
