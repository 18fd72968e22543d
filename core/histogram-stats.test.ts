import { describe, expect, it } from 'vitest';
import type { HistogramSample, NativeBucket, NativeHistogramSample } from './metrics-types';
import { average, classicBucketCounts, classicQuantile, nativeQuantile } from './histogram-stats';

const classic = (pairs: Array<[string, string]>) => pairs as ReadonlyArray<readonly [string, string]>;

// 10 observations: 2 up to 0.1, 4 more up to 0.5, 2 more up to 1, 2 above.
const LATENCY = classic([
  ['0.1', '2'],
  ['0.5', '6'],
  ['1', '8'],
  ['+Inf', '10'],
]);

describe('classicQuantile (histogram_quantile over classic buckets)', () => {
  it('interpolates linearly within the bucket that holds the rank', () => {
    // rank 5 lies in (0.1, 0.5], 3 of its 4 observations in: 0.1 + 0.4 × 3/4.
    expect(classicQuantile(0.5, LATENCY)).toBeCloseTo(0.4, 12);
    // rank 7 lies in (0.5, 1], 1 of its 2 in: 0.5 + 0.5 × 1/2.
    expect(classicQuantile(0.7, LATENCY)).toBeCloseTo(0.75, 12);
  });

  it('starts the lowest bucket at 0 when its upper bound is above 0', () => {
    // rank 1 of the lowest bucket's 2: 0 + 0.1 × 1/2.
    expect(classicQuantile(0.1, LATENCY)).toBeCloseTo(0.05, 12);
  });

  it('answers the second-highest upper bound for a rank in the +Inf bucket', () => {
    expect(classicQuantile(0.9, LATENCY)).toBe(1);
    expect(classicQuantile(0.99, LATENCY)).toBe(1);
  });

  it('answers the lowest upper bound when it is 0 or below', () => {
    const negative = classic([
      ['-1', '3'],
      ['0', '5'],
      ['+Inf', '10'],
    ]);
    expect(classicQuantile(0.2, negative)).toBe(-1);
    // rank 4 in (-1, 0], 1 of 2 in: -1 + 1 × 1/2.
    expect(classicQuantile(0.4, negative)).toBeCloseTo(-0.5, 12);
  });

  it('sorts the buckets and forces the counts to grow, as Prometheus does', () => {
    const shuffled = classic([
      ['+Inf', '10'],
      ['2', '4'],
      ['1', '5'],
    ]);
    // le=2 is read as 5: rank 5 is reached at le=1, 0 + 1 × 5/5.
    expect(classicQuantile(0.5, shuffled)).toBe(1);
  });

  it('is NaN without +Inf, without observations, or with one bucket; ±Inf outside [0, 1]', () => {
    expect(classicQuantile(0.5, classic([['1', '3']]))).toBeNaN();
    expect(classicQuantile(0.5, classic([['+Inf', '3']]))).toBeNaN();
    expect(
      classicQuantile(
        0.5,
        classic([
          ['1', '0'],
          ['+Inf', '0'],
        ]),
      ),
    ).toBeNaN();
    expect(classicQuantile(1.5, LATENCY)).toBe(Infinity);
    expect(classicQuantile(-0.5, LATENCY)).toBe(-Infinity);
  });
});

describe('classicBucketCounts', () => {
  it('gives each bucket its own observations', () => {
    const sample: HistogramSample = { kind: 'histogram', labels: {}, buckets: LATENCY, count: '10', sum: '5' };
    expect(classicBucketCounts(sample).map((b) => [b.upper, b.count])).toEqual([
      [0.1, 2],
      [0.5, 4],
      [1, 2],
      [Infinity, 2],
    ]);
  });
});

const native = (buckets: NativeBucket[], count: string, sum = '5'): NativeHistogramSample => ({
  kind: 'native-histogram',
  labels: {},
  buckets,
  count,
  sum,
});

// 16 observations: 1 in [-0.5, -0.25), 2 in the zero bucket, then 4, 7 and 2 in positive buckets.
const RPC = native(
  [
    { rule: 0, lower: '0.5', upper: '1', count: '2' },
    { rule: 1, lower: '-0.5', upper: '-0.25', count: '1' },
    { rule: 3, lower: '-0.001', upper: '0.001', count: '2' },
    { rule: 0, lower: '0.125', upper: '0.25', count: '4' },
    { rule: 0, lower: '0.25', upper: '0.5', count: '7' },
  ],
  '16',
);

describe('nativeQuantile (histogram_quantile over a native histogram)', () => {
  it('interpolates exponentially in a positive bucket, counting from the top for q ≥ 0.5', () => {
    // From the top: 2 in (0.5, 1], then 9 ≥ rank 8 in (0.25, 0.5]; 9 - 8 = 1 of 7 in:
    // 2^(log2 0.25 + (log2 0.5 - log2 0.25) × 1/7) = 2^(-2 + 1/7).
    expect(nativeQuantile(0.5, RPC)).toBeCloseTo(2 ** (-2 + 1 / 7), 12);
    // rank 1.6 from the top lies in (0.5, 1]: 2 - 1.6 = 0.4 of 2, 2^(-1 + 0.2).
    expect(nativeQuantile(0.9, RPC)).toBeCloseTo(2 ** -0.8, 12);
    // rank 0.16 from the top: 2 - 0.16 = 1.84 of 2, 2^(-1 + 0.92).
    expect(nativeQuantile(0.99, RPC)).toBeCloseTo(2 ** -0.08, 12);
  });

  it('interpolates linearly in the zero bucket, counting from the bottom for q < 0.5', () => {
    // rank 1.6: 1 below, then 0.6 of the zero bucket's 2: -0.001 + 0.002 × 0.3.
    expect(nativeQuantile(0.1, RPC)).toBeCloseTo(-0.0004, 12);
  });

  it('mirrors the exponential interpolation in a negative bucket', () => {
    // rank 0.8 of [-0.5, -0.25)'s 1: -(2^(log2 0.25 + (log2 0.5 - log2 0.25) × (1 - 0.8))) = -(2^-1.8).
    expect(nativeQuantile(0.05, RPC)).toBeCloseTo(-(2 ** -1.8), 12);
  });

  it('starts the zero bucket at 0 when every other bucket is positive', () => {
    const positive = native(
      [
        { rule: 3, lower: '-0.001', upper: '0.001', count: '2' },
        { rule: 0, lower: '0.5', upper: '1', count: '2' },
      ],
      '4',
    );
    // rank 1 of the zero bucket's 2, read as [0, 0.001]: 0.001 × 1/2.
    expect(nativeQuantile(0.25, positive)).toBeCloseTo(0.0005, 12);
  });

  it('is NaN without observations', () => {
    expect(nativeQuantile(0.5, native([], '0'))).toBeNaN();
  });
});

describe('average', () => {
  it('is sum / count, NaN without observations', () => {
    expect(average({ sum: '5', count: '10' })).toBe(0.5);
    expect(average({ sum: '0', count: '0' })).toBeNaN();
  });
});
