/**
 * Groups as one Prometheus text exposition, as the gateway's own `/metrics` serves them: each
 * family once (HELP, TYPE, then the samples of every group holding it, with their full labels),
 * plus each group's push_time_seconds and push_failure_time_seconds. Native histogram buckets have
 * no text form: their count and sum are written, and a comment says so.
 */
import type { Group, Labels, MetricType, Sample } from '../metrics-types';
import { PUSH_FAILURE_TIME, PUSH_TIME } from '../metrics';
import { byCodeUnits, escapeLabelValue, isLegacyMetricName, labelMatcher } from '../selector';
import { goFloat } from './api-json';

const TEXT_TYPES: Record<MetricType, string> = {
  COUNTER: 'counter',
  GAUGE: 'gauge',
  UNTYPED: 'untyped',
  SUMMARY: 'summary',
  HISTOGRAM: 'histogram',
  GAUGE_HISTOGRAM: 'untyped',
};

const escapeHelp = (help: string) => help.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
const quotedName = (name: string) => (isLegacyMetricName(name) ? name : `"${escapeLabelValue(name)}"`);

/** `name{a="1",b="2"}`; a UTF-8 name goes inside the braces, quoted. */
function series(name: string, labels: Labels, extra?: readonly [string, string]): string {
  const pairs = Object.keys(labels)
    .sort(byCodeUnits)
    .map((n) => labelMatcher(n, labels[n] ?? ''));
  if (extra) pairs.push(labelMatcher(...extra));
  if (!isLegacyMetricName(name)) return `{${[quotedName(name), ...pairs].join(',')}}`;
  return pairs.length ? `${name}{${pairs.join(',')}}` : name;
}

function sampleLines(name: string, sample: Sample): string {
  const l = sample.labels;
  const tail = (s: { sum: string; count: string }) =>
    `${series(`${name}_sum`, l)} ${s.sum}\n${series(`${name}_count`, l)} ${s.count}\n`;
  switch (sample.kind) {
    case 'value':
      return `${series(name, l)} ${sample.value}\n`;
    case 'summary':
      return sample.quantiles.map(([q, v]) => `${series(name, l, ['quantile', q])} ${v}\n`).join('') + tail(sample);
    case 'histogram':
      return (
        sample.buckets.map(([le, c]) => `${series(`${name}_bucket`, l, ['le', le])} ${c}\n`).join('') + tail(sample)
      );
    case 'native-histogram':
      return `# ${quotedName(name)}: native histogram buckets have no text form; count and sum only\n${tail(sample)}`;
  }
}

interface Entry {
  type: MetricType;
  help: string;
  lines: Array<() => string>;
}

/**
 * The exposition of these groups, a family at a time (each piece a family's lines), so that a
 * server can send it as it is made. Holds only references to the groups, never the whole text.
 */
export function* expositionChunks(groups: Iterable<Group>): Generator<string> {
  const families = new Map<string, Entry>();
  const add = (name: string, type: MetricType, help: string, line: () => string) => {
    let entry = families.get(name);
    if (!entry) families.set(name, (entry = { type, help, lines: [] }));
    if (!entry.help && help) entry.help = help;
    entry.lines.push(line);
  };
  for (const group of groups) {
    const labels = { ...group.labels, ...('instance' in group.labels ? {} : { instance: '' }) };
    add(
      PUSH_TIME,
      'GAUGE',
      'Last Unix time when changing this group in the Pushgateway succeeded.',
      () => `${series(PUSH_TIME, labels)} ${goFloat(group.pushTime)}\n`,
    );
    add(
      PUSH_FAILURE_TIME,
      'GAUGE',
      'Last Unix time when changing this group in the Pushgateway failed.',
      () => `${series(PUSH_FAILURE_TIME, labels)} ${goFloat(group.failureTime)}\n`,
    );
    for (const family of group.families) {
      add(family.name, family.type, family.help, () => family.samples.map((s) => sampleLines(family.name, s)).join(''));
    }
  }
  for (const [name, entry] of [...families].sort(([a], [b]) => byCodeUnits(a, b))) {
    let out = entry.help ? `# HELP ${quotedName(name)} ${escapeHelp(entry.help)}\n` : '';
    out += `# TYPE ${quotedName(name)} ${TEXT_TYPES[entry.type]}\n`;
    yield out;
    for (const line of entry.lines) yield line();
  }
}
