import { escapeLabelValue, isLegacyMetricName, labelMatcher } from '../../core/selector';

/**
 * A selector for one metric family of a group, quoted as Prometheus 3 does: `name{job="x"}`, or
 * `{"my.metric", job="x"}` for a name outside the classic character set.
 */
export function familySelector(name: string, matchers: ReadonlyArray<readonly [string, string]>): string {
  const pairs = matchers.map(([n, v]) => labelMatcher(n, v));
  if (isLegacyMetricName(name)) return `${name}{${pairs.join(', ')}}`;
  return `{${[`"${escapeLabelValue(name)}"`, ...pairs].join(', ')}}`;
}

/** Prometheus' graph page with this expression in its table view. */
export function graphUrl(base: string, expr: string): string {
  const url = new URL('graph', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('g0.expr', expr);
  url.searchParams.set('g0.tab', '1');
  return url.href;
}
