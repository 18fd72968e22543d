/**
 * Each group's health in the Prometheus text format (--export-group-health): a per-job `up` for
 * batch jobs, which Prometheus cannot have on its own. Labelled with the group's grouping labels.
 */
import { overdue, type Cadence } from '../../core/cadence';
import { isLegacyLabelName } from '../../core/group-path.js';
import type { Group } from '../../core/metrics-types';
import { escapeLabelValue, orderedLabelNames } from '../../core/selector';

const FAMILIES = {
  overdue: [
    'pushboard_group_overdue',
    "1 when the group's last successful push is older than the overdue factor times its usual interval, else 0; only groups with a usual interval.",
  ],
  interval: [
    'pushboard_group_expected_interval_seconds',
    "The group's usual interval between successful pushes, from Prometheus' history of its push_time_seconds.",
  ],
  age: ['pushboard_group_last_push_age_seconds', "Seconds since the group's last successful push."],
} as const;

/**
 * The text for every sound group with a successful push. Groups whose label names the text
 * format cannot carry (UTF-8 names) are left out rather than exported under other labels.
 */
export function healthMetricsText(
  groups: readonly Group[],
  cadenceOf: (key: string) => Cadence | undefined,
  { factor, nowSeconds }: { factor: number; nowSeconds: number },
): string {
  const lines: Record<keyof typeof FAMILIES, string[]> = { overdue: [], interval: [], age: [] };
  for (const group of groups) {
    if (group.problem || group.pushTime <= 0) continue;
    const names = orderedLabelNames(group.labels);
    if (!names.every((n) => isLegacyLabelName(n) && !n.startsWith('__'))) continue;
    const labels = `{${names.map((n) => `${n}="${escapeLabelValue(group.labels[n]!)}"`).join(',')}}`;
    lines.age.push(`${FAMILIES.age[0]}${labels} ${Math.max(0, nowSeconds - group.pushTime).toFixed(3)}`);
    const cadence = cadenceOf(group.key);
    if (!cadence) continue;
    lines.interval.push(`${FAMILIES.interval[0]}${labels} ${Number(cadence.intervalSeconds.toFixed(3))}`);
    const late = overdue(group.pushTime, cadence, factor, nowSeconds);
    lines.overdue.push(`${FAMILIES.overdue[0]}${labels} ${late ? 1 : 0}`);
  }
  return (Object.keys(FAMILIES) as Array<keyof typeof FAMILIES>)
    .map(
      (k) =>
        `# HELP ${FAMILIES[k][0]} ${FAMILIES[k][1]}\n# TYPE ${FAMILIES[k][0]} gauge\n${lines[k].map((l) => `${l}\n`).join('')}`,
    )
    .join('');
}
