import type { Labels } from './metrics-types';

/** Escapes a label value as PromQL does inside double quotes: backslash, quote and newline. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** Compares by UTF-16 code units: deterministic in every locale, like label names in Prometheus. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Label names in display order: `job` first, then the rest sorted by name. */
export function orderedLabelNames(labels: Labels): string[] {
  const names = Object.keys(labels)
    .filter((n) => n !== 'job')
    .sort(byCodeUnits);
  return 'job' in labels ? ['job', ...names] : names;
}

/** The group's selector, e.g. `{job="batch", empty="", path="/var/tmp"}`: its identity on screen. */
export function formatSelector(labels: Labels): string {
  const parts = orderedLabelNames(labels).map((n) => `${n}="${escapeLabelValue(labels[n] ?? '')}"`);
  return `{${parts.join(', ')}}`;
}
