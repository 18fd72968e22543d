/**
 * A group as the gateway showed it, written back as delimited protobuf: the only way to push a
 * native histogram, and the exact way for float counts. Undo uses it for groups that hold either.
 */
import { seriesLabels } from './series';
import type { Family, Group, HistogramSample, NativeHistogramSample, Sample } from '../../core/metrics-types';
import {
  PROTO_TYPES,
  type BucketSpan,
  type HistogramMessage,
  type MetricFamilyMessage,
  type MetricMessage,
} from './protobuf-types';
import { parseGoFloat } from '../../core/values';

const isWhole = (raw: string) => Number.isInteger(parseGoFloat(raw));

/**
 * Whether text exposition cannot carry this sample: native buckets, float counts, or a histogram
 * without buckets (text has no way to write one; protobuf either writes it or says why not).
 */
function needsProtobuf(sample: Sample): boolean {
  if (sample.kind === 'native-histogram') return true;
  if (sample.kind !== 'histogram') return false;
  return sample.buckets.length === 0 || !isWhole(sample.count) || sample.buckets.some(([, c]) => !isWhole(c));
}

/** True when the group holds a native histogram or float counts: push it back as protobuf. */
export const groupNeedsProtobuf = (group: Group) => group.families.some((f) => f.samples.some(needsProtobuf));

/**
 * Why Undo cannot write this group back exactly, or undefined when it can: a gauge histogram (the
 * API shows only a placeholder value), or a native histogram shown without its buckets (before
 * 1.8). The same checks the encoder makes, so the delete dialog can warn before anything is lost.
 */
export function restoreProblem(group: Group): string | undefined {
  const gauge = group.families.find((f) => f.type === 'GAUGE_HISTOGRAM');
  if (gauge) return `cannot restore gauge histogram "${gauge.name}": the gateway does not show its buckets`;
  if (!groupNeedsProtobuf(group)) return undefined;
  try {
    groupMessages(group);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The group's families as protobuf messages (push time families left to the gateway); throws what
 * cannot be written back. ./protobuf-encode.ts turns them into a body.
 */
export function groupMessages(group: Group): MetricFamilyMessage[] {
  return group.families.map((f) => familyMessage(f, group));
}

function familyMessage(family: Family, group: Group): MetricFamilyMessage {
  if (family.type === 'GAUGE_HISTOGRAM') {
    // The API shows a gauge histogram as the placeholder value 0: pushing that back would be a lie.
    throw new Error(`cannot restore gauge histogram "${family.name}": the gateway does not show its buckets`);
  }
  return {
    name: family.name,
    ...(family.help ? { help: family.help } : {}),
    type: PROTO_TYPES[family.type],
    metric: family.samples.map((s) => sampleMessage(family, s, group)),
  };
}

function sampleMessage(family: Family, sample: Sample, group: Group): MetricMessage {
  const labels = seriesLabels(sample.labels, group.labels);
  const label = Object.keys(labels)
    .sort()
    .map((name) => ({ name, value: labels[name] ?? '' }));
  switch (sample.kind) {
    case 'value': {
      const value = { value: parseGoFloat(sample.value) };
      if (family.type === 'COUNTER') return { label, counter: value };
      if (family.type === 'GAUGE') return { label, gauge: value };
      return { label, untyped: value };
    }
    case 'summary':
      return {
        label,
        summary: {
          sample_count: parseGoFloat(sample.count),
          sample_sum: parseGoFloat(sample.sum),
          quantile: sample.quantiles.map(([q, v]) => ({ quantile: parseGoFloat(q), value: parseGoFloat(v) })),
        },
      };
    case 'histogram':
      return { label, histogram: classicMessage(family.name, sample) };
    case 'native-histogram':
      return { label, histogram: nativeMessage(sample) };
  }
}

function classicMessage(name: string, sample: HistogramSample): HistogramMessage {
  if (sample.buckets.length === 0 && sample.count !== '0') {
    throw new Error(
      `cannot restore histogram "${name}": this gateway shows it without buckets (a native histogram on a gateway before 1.8)`,
    );
  }
  const float = !isWhole(sample.count) || sample.buckets.some(([, c]) => !isWhole(c));
  return {
    ...count(sample.count, float),
    sample_sum: parseGoFloat(sample.sum),
    bucket: sample.buckets.map(([le, c]) => ({
      ...(float ? { cumulative_count_float: parseGoFloat(c) } : { cumulative_count: parseGoFloat(c) }),
      upper_bound: parseGoFloat(le),
    })),
  };
}

const count = (raw: string, float: boolean) =>
  float ? { sample_count_float: parseGoFloat(raw) } : { sample_count: parseGoFloat(raw) };

/** Prometheus' default width of the zero bucket, for a histogram whose zero bucket is empty (not shown). */
const DEFAULT_ZERO_THRESHOLD = 2 ** -128;

/**
 * Rebuilds the native histogram behind the gateway's bucket list. Each bucket of schema s spans
 * (2^((i-1)·2^-s), 2^(i·2^-s)] (mirrored for negative ones), so the schema follows from any
 * bucket's ratio of bounds and each index from its outer bound. The zero bucket gives the zero
 * threshold; when it is empty (and so not listed) the default threshold is used, and a histogram
 * with no buckets at all gets schema 0: neither changes any count.
 */
export function nativeMessage(sample: NativeHistogramSample): HistogramMessage {
  const float = [sample.count, ...sample.buckets.map((b) => b.count)].some((c) => !isWhole(c));
  const zero = sample.buckets.find((b) => b.rule === 3 || parseGoFloat(b.lower) === -parseGoFloat(b.upper));
  const others = sample.buckets.filter((b) => b !== zero);
  const schema = others.length ? schemaOf(others[0]!.lower, others[0]!.upper) : 0;
  const index = (outer: number) => Math.round(Math.log2(outer) * 2 ** schema);
  const positive = others.filter((b) => parseGoFloat(b.upper) > 0);
  const negative = others.filter((b) => parseGoFloat(b.upper) <= 0);
  const pos = spans(positive.map((b) => [index(parseGoFloat(b.upper)), parseGoFloat(b.count)]));
  const neg = spans(negative.map((b) => [index(-parseGoFloat(b.lower)), parseGoFloat(b.count)]));
  const zeroCount = zero ? parseGoFloat(zero.count) : 0;
  return {
    ...count(sample.count, float),
    sample_sum: parseGoFloat(sample.sum),
    schema,
    zero_threshold: zero ? parseGoFloat(zero.upper) : DEFAULT_ZERO_THRESHOLD,
    ...(float ? { zero_count_float: zeroCount } : { zero_count: zeroCount }),
    negative_span: neg.spans,
    ...(float ? { negative_count: neg.counts } : { negative_delta: deltas(neg.counts) }),
    // A histogram without buckets still needs a span to be read as native (as client_golang does).
    positive_span: pos.spans.length || neg.spans.length ? pos.spans : [{ offset: 0, length: 0 }],
    ...(float ? { positive_count: pos.counts } : { positive_delta: deltas(pos.counts) }),
  };
}

function schemaOf(lowerRaw: string, upperRaw: string): number {
  const [a, b] = [Math.abs(parseGoFloat(lowerRaw)), Math.abs(parseGoFloat(upperRaw))];
  const ratio = Math.max(a, b) / Math.min(a, b);
  return Math.round(-Math.log2(Math.log2(ratio)));
}

/** Buckets by index (any order) as spans of consecutive indexes and their counts, ascending. */
function spans(buckets: Array<[number, number]>): { spans: BucketSpan[]; counts: number[] } {
  const sorted = [...buckets].sort(([a], [b]) => a - b);
  const out: BucketSpan[] = [];
  let next: number | undefined;
  for (const [i] of sorted) {
    if (next === i) out[out.length - 1]!.length++;
    else out.push({ offset: next === undefined ? i : i - next, length: 1 });
    next = i + 1;
  }
  return { spans: out, counts: sorted.map(([, c]) => c) };
}

function deltas(counts: number[]): number[] {
  return counts.map((c, i) => c - (i === 0 ? 0 : counts[i - 1]!));
}
