/**
 * A pushed body as the gateway reads it (client_model's MetricFamily, reduced to what its checks
 * look at), and a metric written the way Go's protobuf text format writes it in the gateway's
 * error messages (`label:{name:"job" value:"a"} counter:{value:1}`).
 */
import { goFloat, goQuote } from './go-format';

export type FamilyType = 'COUNTER' | 'GAUGE' | 'SUMMARY' | 'UNTYPED' | 'HISTOGRAM' | 'GAUGE_HISTOGRAM';

/** client_model's enum order: the numbers a protobuf body carries. */
export const TYPE_NUMBERS: readonly FamilyType[] = [
  'COUNTER',
  'GAUGE',
  'SUMMARY',
  'UNTYPED',
  'HISTOGRAM',
  'GAUGE_HISTOGRAM',
];

/** Which of the Metric message's value fields is set (`null`: none). */
export type ValueKind = 'gauge' | 'counter' | 'summary' | 'untyped' | 'histogram';

export interface CheckMetric {
  /** Label pairs in the order they came (the gateway sorts them after its sanitizing). */
  labels: Array<[name: string, value: string]>;
  kind: ValueKind | null;
  /** The value of a counter, gauge or untyped sample. */
  value?: number;
  summary?: { count?: number; sum?: number; quantiles: Array<[number, number]> };
  histogram?: { count?: number; sum?: number; buckets: Array<[number, number]> };
  /** The sample's timestamp, as written (the gateway refuses any). */
  timestampMs?: string;
  /** A label value that is not UTF-8 (protobuf only): its name. */
  notUtf8?: string;
}

export interface CheckFamily {
  name: string;
  /** The family's HELP ("" when none). */
  help: string;
  /** Unset only for a text family that has samples but no TYPE (then it is UNTYPED). */
  type: FamilyType;
  metrics: CheckMetric[];
}

const pair = ([name, value]: [string, string]) => `label:{name:${goQuote(name)} value:${goQuote(value)}}`;

/**
 * A metric as `%s` of a dto.Metric prints it. Go's protobuf text format adds a second space between
 * fields at random (stable per build), so compare it with runs of spaces collapsed.
 */
export function metricText(metric: CheckMetric, legacy = false): string {
  if (legacy) return legacyText(metricText(metric));
  const parts = metric.labels.map(pair);
  const num = (n: number | undefined, field: string) => (n === undefined ? [] : [`${field}:${goFloat(n)}`]);
  if (metric.kind === 'gauge' || metric.kind === 'counter' || metric.kind === 'untyped') {
    parts.push(`${metric.kind}:{${num(metric.value, 'value').join(' ')}}`);
  } else if (metric.kind === 'summary') {
    const s = metric.summary ?? { quantiles: [] };
    const inner = [
      ...(s.count === undefined ? [] : [`sample_count:${s.count}`]),
      ...num(s.sum, 'sample_sum'),
      ...s.quantiles.map(([q, v]) => `quantile:{quantile:${goFloat(q)} value:${goFloat(v)}}`),
    ];
    parts.push(`summary:{${inner.join(' ')}}`);
  } else if (metric.kind === 'histogram') {
    const h = metric.histogram ?? { buckets: [] };
    const inner = [
      ...(h.count === undefined ? [] : [`sample_count:${h.count}`]),
      ...num(h.sum, 'sample_sum'),
      ...h.buckets.map(([le, c]) => `bucket:{cumulative_count:${c} upper_bound:${goFloat(le)}}`),
    ];
    parts.push(`histogram:{${inner.join(' ')}}`);
  }
  if (metric.timestampMs !== undefined) parts.push(`timestamp_ms:${metric.timestampMs}`);
  return parts.join(' ');
}

/** Whether a metric's value field fits its family's TYPE (client_golang's checkMetricConsistency). */
export function fitsType(type: FamilyType, kind: ValueKind | null): boolean {
  switch (type) {
    case 'GAUGE':
      return kind === 'gauge';
    case 'COUNTER':
      return kind === 'counter';
    case 'SUMMARY':
      return kind === 'summary';
    case 'HISTOGRAM':
      return kind === 'histogram';
    case 'UNTYPED':
      return kind === 'untyped';
    default:
      return true;
  }
}

/**
 * The older text format of golang/protobuf (gateway 1.5.1): `label:<name:"job" value:"a" > `, each
 * field followed by a space. Rewritten from the newer form, which has the same fields in the same order.
 */
function legacyText(text: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') {
      quoted = true;
      out += c;
    } else if (c === '{') out += '<';
    else if (c === '}') out += out.endsWith(' ') ? '> ' : ' > ';
    else if (c === ' ') out += out.endsWith(' ') ? '' : ' ';
    else out += c;
  }
  return out.endsWith(' ') ? out : `${out} `;
}
