/**
 * CSV for spreadsheets and scripts (RFC 4180): one row per sample. Every cell is quoted when it
 * holds a comma, quote, CR or LF, and a cell that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, tab or CR) is neutralised with a leading `'`, unless it is a plain
 * number: pushed label values are anyone's text, and `=HYPERLINK(…)` must stay text.
 */
import type { Group, Labels, Sample } from '../metrics-types';
import { labelMatcher, orderedLabelNames } from '../selector';
import { seriesLabels } from '../series-labels';

export const CSV_HEADER = [
  'gateway',
  'job',
  'grouping_labels',
  'metric',
  'type',
  'sample_labels',
  'value',
  'last_push',
] as const;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One cell, neutralised against formulas and quoted where it must be. */
export function csvCell(text: string): string {
  let cell = text;
  if (/^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export const csvRow = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** `a="1", b="2"`: labels as in a selector, without the braces. */
export const labelText = (labels: Labels, extra?: readonly [string, string]) =>
  [
    ...orderedLabelNames(labels).map((n) => labelMatcher(n, labels[n] ?? '')),
    ...(extra ? [labelMatcher(...extra)] : []),
  ].join(', ');

/** The rows of a sample: `[metric, sample labels, value]` each. */
function sampleRows(name: string, sample: Sample, labels: Labels): Array<[string, string, string]> {
  const plain = labelText(labels);
  const tail = (s: { sum: string; count: string }): Array<[string, string, string]> => [
    [`${name}_sum`, plain, s.sum],
    [`${name}_count`, plain, s.count],
  ];
  switch (sample.kind) {
    case 'value':
      return [[name, plain, sample.value]];
    case 'summary':
      return [
        ...sample.quantiles.map(([q, v]): [string, string, string] => [name, labelText(labels, ['quantile', q]), v]),
        ...tail(sample),
      ];
    case 'histogram':
      return [
        ...sample.buckets.map(([le, c]): [string, string, string] => [
          `${name}_bucket`,
          labelText(labels, ['le', le]),
          c,
        ]),
        ...tail(sample),
      ];
    case 'native-histogram':
      return [
        ...sample.buckets.map((b): [string, string, string] => {
          const open = b.rule === 1 || b.rule === 3 ? '[' : '(';
          const close = b.rule === 0 || b.rule === 3 ? ']' : ')';
          return [`${name}_bucket`, labelText(labels, ['bucket', `${open}${b.lower}, ${b.upper}${close}`]), b.count];
        }),
        ...tail(sample),
      ];
  }
}

/**
 * A group's rows: one per sample, each with the gateway, job, the other grouping labels, the
 * family's TYPE and the last successful push as RFC 3339 UTC. A group without samples still gets
 * one row, so that every exported group is in the file.
 */
export function groupCsv(group: Group, gateway: string): string {
  const { job: _job, ...others } = group.labels;
  const head = [gateway, group.labels.job ?? group.job, labelText(others)];
  const pushed = group.pushTime > 0 ? new Date(group.pushTime * 1000).toISOString() : '';
  let out = '';
  for (const family of group.families) {
    for (const sample of family.samples) {
      for (const [metric, labels, value] of sampleRows(family.name, sample, seriesLabels(sample.labels, group.labels)))
        out += csvRow([...head, metric, family.type, labels, value, pushed]);
    }
  }
  return out || csvRow([...head, '', '', '', '', pushed]);
}
