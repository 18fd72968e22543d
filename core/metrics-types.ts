/** The dashboard's model of what `/api/v1/metrics` returns, after validation. */

export type Labels = Readonly<Record<string, string>>;

export const METRIC_TYPES = ['COUNTER', 'GAUGE', 'UNTYPED', 'SUMMARY', 'HISTOGRAM', 'GAUGE_HISTOGRAM'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** Counter, gauge, untyped (and 1.5.1's gauge histograms): one value per series. */
export interface ValueSample {
  kind: 'value';
  labels: Labels;
  value: string;
}

export interface SummarySample {
  kind: 'summary';
  labels: Labels;
  /** [quantile, value], sorted by quantile. */
  quantiles: ReadonlyArray<readonly [string, string]>;
  count: string;
  sum: string;
}

/** Classic histogram: cumulative counts per upper bound `le`. */
export interface HistogramSample {
  kind: 'histogram';
  labels: Labels;
  /** [upper bound, cumulative count], sorted numerically (+Inf last). */
  buckets: ReadonlyArray<readonly [string, string]>;
  count: string;
  sum: string;
}

/** Boundary rule as in the Prometheus query API: 0 (l,u], 1 [l,u), 2 (l,u), 3 [l,u]. */
export type BoundaryRule = 0 | 1 | 2 | 3;

export interface NativeBucket {
  rule: BoundaryRule;
  lower: string;
  upper: string;
  count: string;
}

export interface NativeHistogramSample {
  kind: 'native-histogram';
  labels: Labels;
  buckets: readonly NativeBucket[];
  count: string;
  sum: string;
}

export type Sample = ValueSample | SummarySample | HistogramSample | NativeHistogramSample;

export interface Family {
  name: string;
  type: MetricType;
  /** Empty when the family has no HELP. */
  help: string;
  /** RFC 3339 time at which this family was last pushed. */
  timeStamp: string;
  samples: readonly Sample[];
}

export interface Group {
  /** Stable identity across polls: the selector (or a fallback for groups with unreadable labels). */
  key: string;
  /** The grouping key. For a malformed group, the labels recovered from its samples, if any. */
  labels: Labels;
  job: string;
  instance: string | undefined;
  /** `{job="…", a="…"}`: job first, then the other labels sorted by name. */
  selector: string;
  lastPushSuccessful: boolean;
  /** Unix seconds of the last successful push; 0 when there has been none. */
  pushTime: number;
  /** Unix seconds of the last failed push; 0 when there has been none. */
  failureTime: number;
  /** Pushed families sorted by name, without `push_time_seconds` / `push_failure_time_seconds`. */
  families: readonly Family[];
  sampleCount: number;
  /** Why this group could not be read as the gateway meant it; undefined when it is sound. */
  problem?: string;
  /**
   * The name of the gateway holding it, when the server follows several (its key then starts
   * with `@gateway="name" `, see core/gateway-key.ts); undefined with one gateway, as before.
   */
  gateway?: string;
}
