import { restoreProblem } from './protobuf-group';
import { seriesLabels } from './series';
import type { Family, Group, Labels, MetricType, Sample } from '../../core/metrics-types';
import { byCodeUnits, labelMatcher } from '../../core/selector';

/**
 * A group written back as Prometheus text exposition (0.0.4), for undoing a delete with a PUT to
 * the group's own path, and for the download offered before a wipe. The push time families are
 * not written: the gateway sets them. Values are written exactly as the gateway returned them.
 */
export function groupToExposition(group: Group): string {
  return group.families.map((family) => familyLines(family, group.labels)).join('');
}

/**
 * Whether Undo can write this group back exactly (as text, or as protobuf where text cannot carry
 * it): the one place that decides it, so the delete dialog can warn before anything is lost.
 */
export const isRestorable = (group: Group): boolean => restoreProblem(group) === undefined;

/** The text format has no gauge histogram; 1.5.1 returns them as plain values anyway. */
const TEXT_TYPES: Record<MetricType, string> = {
  COUNTER: 'counter',
  GAUGE: 'gauge',
  UNTYPED: 'untyped',
  SUMMARY: 'summary',
  HISTOGRAM: 'histogram',
  GAUGE_HISTOGRAM: 'untyped',
};

const escapeHelp = (help: string) => help.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));

function familyLines(family: Family, groupLabels: Labels): string {
  let out = family.help ? `# HELP ${family.name} ${escapeHelp(family.help)}\n` : '';
  out += `# TYPE ${family.name} ${TEXT_TYPES[family.type]}\n`;
  for (const sample of family.samples)
    out += sampleLines(family.name, sample, seriesLabels(sample.labels, groupLabels));
  return out;
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.keys(labels)
    .sort(byCodeUnits)
    .map((n) => labelMatcher(n, labels[n] ?? ''));
  if (extra) pairs.push(labelMatcher(...extra));
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

function sampleLines(name: string, sample: Sample, labels: Labels): string {
  switch (sample.kind) {
    case 'value':
      return `${name}${labelText(labels)} ${sample.value}\n`;
    case 'summary':
      return (
        sample.quantiles.map(([q, v]) => `${name}${labelText(labels, ['quantile', q])} ${v}\n`).join('') +
        `${name}_sum${labelText(labels)} ${sample.sum}\n${name}_count${labelText(labels)} ${sample.count}\n`
      );
    case 'histogram':
      if (sample.buckets.length === 0) throw new Error(`cannot restore native histogram "${name}" as text`);
      return (
        sample.buckets.map(([le, c]) => `${name}_bucket${labelText(labels, ['le', le])} ${c}\n`).join('') +
        `${name}_sum${labelText(labels)} ${sample.sum}\n${name}_count${labelText(labels)} ${sample.count}\n`
      );
    case 'native-histogram':
      throw new Error(`cannot restore native histogram "${name}" as text`);
  }
}
