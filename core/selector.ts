import { isLegacyLabelName } from './group-path.js';
import type { Labels } from './metrics-types';

/** Escapes a label value as PromQL does inside double quotes: backslash, quote and newline. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/**
 * A label name as Prometheus 3 writes it in a selector: as it is when it matches
 * `[a-zA-Z_][a-zA-Z0-9_]*`, otherwise quoted (`"foo.bar"`), as UTF-8 names need.
 */
export function formatLabelName(name: string): string {
  return isLegacyLabelName(name) ? name : `"${escapeLabelValue(name)}"`;
}

/** Whether a metric name needs quoting (Prometheus 3): anything outside `[a-zA-Z_:][a-zA-Z0-9_:]*`. */
export const isLegacyMetricName = (name: string) => /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name);

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

/** `name="value"`, the name quoted when it must be. */
export const labelMatcher = (name: string, value: string) => `${formatLabelName(name)}="${escapeLabelValue(value)}"`;

/**
 * The group's selector, e.g. `{job="batch", empty="", path="/var/tmp"}`: its identity on screen.
 * UTF-8 names are quoted as in Prometheus 3: `{job="example", "foo.bar"="baz"}`.
 */
export function formatSelector(labels: Labels): string {
  return `{${orderedLabelNames(labels)
    .map((n) => labelMatcher(n, labels[n] ?? ''))
    .join(', ')}}`;
}
