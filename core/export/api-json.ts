/**
 * A group written back in the gateway's own `/api/v1/metrics` shape (one element of `data`), so
 * what reads the gateway's API reads the export too. The push-time families are rebuilt from the
 * group's push times (their values as Go writes them; their stamps at the last push).
 */
import type { Family, Group, Sample } from '../metrics-types';
import { PUSH_FAILURE_TIME, PUSH_TIME } from '../metrics';

/** A float as Go's strconv.FormatFloat(x, 'g', -1, 64) writes it: "42", "1.7955456e+09", "1e-05". */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // Go's shortest 'g': an exponent (of at least two digits) below 1e-4 and from 1e+06 on.
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(x);
}

function sampleJson(sample: Sample): Record<string, unknown> {
  switch (sample.kind) {
    case 'value':
      return { labels: sample.labels, value: sample.value };
    case 'summary':
      return {
        labels: sample.labels,
        quantiles: Object.fromEntries(sample.quantiles),
        count: sample.count,
        sum: sample.sum,
      };
    case 'histogram':
      return {
        labels: sample.labels,
        buckets: Object.fromEntries(sample.buckets),
        count: sample.count,
        sum: sample.sum,
      };
    case 'native-histogram':
      return {
        labels: sample.labels,
        buckets: sample.buckets.map((b) => [b.rule, b.lower, b.upper, b.count]),
        count: sample.count,
        sum: sample.sum,
      };
  }
}

function familyJson(family: Family): Record<string, unknown> {
  return {
    time_stamp: family.timeStamp,
    type: family.type,
    ...(family.help ? { help: family.help } : {}),
    metrics: family.samples.map(sampleJson),
  };
}

const PUSH_HELP = {
  [PUSH_TIME]: 'Last Unix time when changing this group in the Pushgateway succeeded.',
  [PUSH_FAILURE_TIME]: 'Last Unix time when changing this group in the Pushgateway failed.',
};

/** The group as the gateway's API returns it. */
export function groupToApi(group: Group): Record<string, unknown> {
  const labels = { ...group.labels, ...('instance' in group.labels ? {} : { instance: '' }) };
  const stamp = group.pushTime > 0 ? new Date(group.pushTime * 1000).toISOString() : '';
  const pushFamily = (name: typeof PUSH_TIME | typeof PUSH_FAILURE_TIME, value: number) => ({
    time_stamp: stamp,
    type: 'GAUGE',
    help: PUSH_HELP[name],
    metrics: [{ labels, value: goFloat(value) }],
  });
  const out: Record<string, unknown> = {
    labels: group.labels,
    last_push_successful: group.lastPushSuccessful,
    [PUSH_TIME]: pushFamily(PUSH_TIME, group.pushTime),
    [PUSH_FAILURE_TIME]: pushFamily(PUSH_FAILURE_TIME, group.failureTime),
  };
  for (const family of group.families) out[family.name] = familyJson(family);
  return out;
}
