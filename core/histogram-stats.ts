/**
 * What an expanded histogram shows beside its buckets: the count in each bucket, the average, and
 * quantiles estimated exactly as Prometheus' `histogram_quantile` would from the same buckets
 * (promql/quantile.go: BucketQuantile for classic buckets, HistogramQuantile for native ones).
 */
import type { HistogramSample, NativeHistogramSample } from './metrics-types';
import { parseGoFloat } from './values';

/** The quantiles shown for every histogram. */
export const SHOWN_QUANTILES = [0.5, 0.9, 0.99] as const;

/** sum / count; NaN when there are no observations. */
export function average(sample: { sum: string; count: string }): number {
  const count = parseGoFloat(sample.count);
  return count > 0 ? parseGoFloat(sample.sum) / count : NaN;
}

export interface ClassicBucket {
  upper: number;
  cumulative: number;
}

/** Relative difference below which Prometheus treats two cumulative counts as equal (float noise). */
const SMALL_DELTA = 1e-12;

const MIN_NORMAL = 2.2250738585072014e-308;

/** Prometheus' util/almost.Equal. */
function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < epsilon * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

/** The buckets as Prometheus prepares them: sorted, equal bounds merged, counts made monotonic. */
function prepared(buckets: readonly (readonly [string, string])[]): ClassicBucket[] {
  const sorted = buckets
    .map(([le, c]) => ({ upper: parseGoFloat(le), cumulative: parseGoFloat(c) }))
    .sort((a, b) => a.upper - b.upper);
  const merged: ClassicBucket[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.upper === b.upper) last.cumulative += b.cumulative;
    else merged.push({ ...b });
  }
  let prev = merged[0]?.cumulative ?? 0;
  for (let i = 1; i < merged.length; i++) {
    const b = merged[i]!;
    if (b.cumulative === prev) continue;
    if (almostEqual(prev, b.cumulative, SMALL_DELTA) || b.cumulative < prev) b.cumulative = prev;
    else prev = b.cumulative;
  }
  return merged;
}

/**
 * `histogram_quantile(q, …)` over classic buckets: linear within the bucket holding the rank; the
 * lowest bucket starts at 0 when its upper bound is above 0 (else that bound is the answer); a
 * rank in the +Inf bucket answers the second-highest upper bound. NaN without a +Inf bucket, with
 * fewer than two buckets, or with no observations.
 */
export function classicQuantile(q: number, buckets: readonly (readonly [string, string])[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (buckets.length === 0) return NaN;
  const b = prepared(buckets);
  if (b[b.length - 1]!.upper !== Infinity || b.length < 2) return NaN;
  const observations = b[b.length - 1]!.cumulative;
  if (!(observations > 0)) return NaN;
  let rank = q * observations;
  // sort.Search over all but the +Inf bucket: the first whose count reaches the rank.
  let i = 0;
  while (i < b.length - 1 && !(b[i]!.cumulative >= rank)) i++;
  if (i === b.length - 1) return b[b.length - 2]!.upper;
  if (i === 0 && b[0]!.upper <= 0) return b[0]!.upper;
  let start = 0;
  let count = b[i]!.cumulative;
  if (i > 0) {
    start = b[i - 1]!.upper;
    count -= b[i - 1]!.cumulative;
    rank -= b[i - 1]!.cumulative;
  }
  return start + (b[i]!.upper - start) * (rank / count);
}

/** The observations in each classic bucket alone (not cumulative), lowest bucket first. */
export function classicBucketCounts(sample: HistogramSample): Array<{ lower: number; upper: number; count: number }> {
  const b = sample.buckets.map(([le, c]) => ({ upper: parseGoFloat(le), cumulative: parseGoFloat(c) }));
  return b.map((x, i) => ({
    lower: i === 0 ? -Infinity : b[i - 1]!.upper,
    upper: x.upper,
    count: x.cumulative - (i === 0 ? 0 : b[i - 1]!.cumulative),
  }));
}

interface Bucket {
  lower: number;
  upper: number;
  count: number;
}

/** A native histogram's buckets as numbers, lowest first (the gateway's order is not promised). */
export function nativeBuckets(sample: NativeHistogramSample): Bucket[] {
  return sample.buckets
    .map((b) => ({ lower: parseGoFloat(b.lower), upper: parseGoFloat(b.upper), count: parseGoFloat(b.count) }))
    .sort((a, b) => a.lower - b.lower || a.upper - b.upper);
}

/**
 * `histogram_quantile(q, …)` over a native histogram with exponential buckets: the bucket holding
 * the rank is found from below for q < 0.5 (or when the sum is NaN) and from above otherwise;
 * within it the estimate is linear in the zero bucket (which starts or ends at 0 when every other
 * bucket is on one side of it) and exponential (linear in log2) in every other bucket.
 */
export function nativeQuantile(q: number, sample: NativeHistogramSample): number {
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const total = parseGoFloat(sample.count);
  const sum = parseGoFloat(sample.sum);
  if (total === 0 || Number.isNaN(total) || Number.isNaN(q)) return NaN;
  const all = nativeBuckets(sample);
  const isZero = (b: Bucket) => b.lower <= 0 && b.upper >= 0;
  const hasNegative = all.some((b) => b.upper <= 0 && !isZero(b));
  const hasPositive = all.some((b) => b.lower >= 0 && !isZero(b));
  const forward = Number.isNaN(sum) || q < 0.5;
  const order = forward ? all : [...all].reverse();
  let rank = forward ? q * total : (1 - q) * total;
  let count = 0;
  let bucket: Bucket = { lower: 0, upper: 0, count: 0 };
  for (const b of order) {
    if (b.count === 0) continue;
    bucket = { ...b };
    count += b.count;
    if (count >= rank) break;
  }
  if (bucket.lower < 0 && bucket.upper > 0) {
    if (!hasNegative && hasPositive) bucket.lower = 0;
    else if (!hasPositive && hasNegative) bucket.upper = 0;
  }
  if (count > total) count = total;
  if (count < rank) return Number.isNaN(sum) ? NaN : bucket.upper;
  rank = forward ? rank - (count - bucket.count) : count - rank;
  const fraction = rank / bucket.count;
  if (bucket.lower <= 0 && bucket.upper >= 0) return bucket.lower + (bucket.upper - bucket.lower) * fraction;
  const logLower = Math.log2(Math.abs(bucket.lower));
  const logUpper = Math.log2(Math.abs(bucket.upper));
  if (bucket.lower > 0) return 2 ** (logLower + (logUpper - logLower) * fraction);
  return -(2 ** (logUpper + (logLower - logUpper) * (1 - fraction)));
}
