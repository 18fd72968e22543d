import type { Labels } from '../../core/metrics-types';
import { escapeLabelValue, formatSelector, isLegacyMetricName } from '../../core/selector';

export { seriesLabels } from '../../core/series-labels';

/**
 * A series as PromQL spells it: `name{a="1", b="2"}`, or just the name without labels. The
 * gateway's stand-in `instance=""` for groups without an instance is left out. A UTF-8 metric
 * name goes inside the braces, quoted, as in Prometheus 3: `{"my.metric", a="1"}`.
 */
export function seriesText(name: string, labels: Labels): string {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!(k === 'instance' && v === '')) kept[k] = v;
  const selector = formatSelector(kept);
  if (!isLegacyMetricName(name))
    return `{"${escapeLabelValue(name)}"${selector === '{}' ? '' : `, ${selector.slice(1, -1)}`}}`;
  return Object.keys(kept).length ? `${name}${selector}` : name;
}
