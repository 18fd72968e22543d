/**
 * The messages of the Prometheus protobuf format (`metrics.proto`, snake_case names), without
 * the encoder: building and checking them needs no wire-format code, so the page loads the
 * encoder (./protobuf.ts) only when Undo really pushes protobuf.
 */
export const PROTOBUF_CONTENT_TYPE =
  'application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited';

export const PROTO_TYPES = {
  COUNTER: 0,
  GAUGE: 1,
  SUMMARY: 2,
  UNTYPED: 3,
  HISTOGRAM: 4,
  GAUGE_HISTOGRAM: 5,
} as const;

export interface LabelPair {
  name: string;
  value: string;
}
export interface BucketSpan {
  offset: number;
  length: number;
}
export interface ClassicBucket {
  cumulative_count?: number;
  cumulative_count_float?: number;
  upper_bound: number;
}
export interface HistogramMessage {
  sample_count?: number;
  sample_count_float?: number;
  sample_sum?: number;
  bucket?: ClassicBucket[];
  schema?: number;
  zero_threshold?: number;
  zero_count?: number;
  zero_count_float?: number;
  negative_span?: BucketSpan[];
  negative_delta?: number[];
  negative_count?: number[];
  positive_span?: BucketSpan[];
  positive_delta?: number[];
  positive_count?: number[];
}
export interface MetricMessage {
  label?: LabelPair[];
  gauge?: { value: number };
  counter?: { value: number };
  summary?: { sample_count?: number; sample_sum?: number; quantile?: Array<{ quantile: number; value: number }> };
  untyped?: { value: number };
  histogram?: HistogramMessage;
}
export interface MetricFamilyMessage {
  name: string;
  help?: string;
  type: (typeof PROTO_TYPES)[keyof typeof PROTO_TYPES];
  metric: MetricMessage[];
}
