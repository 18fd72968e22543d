/**
 * Health for alerting at `/-/pushboard/metrics`, with or without Prometheus' history:
 *
 * - always, per job: how many groups are in each state (`pushboard_job_groups{job,state}`), a
 *   handful of series however many groups there are;
 * - with --export-group-health, per group (labelled with its grouping labels): its last
 *   successful push time, how long ago that was, its usual or expected interval, whether it is
 *   late, and whether its last push failed. Groups whose label names the text format cannot carry
 *   (UTF-8 names such as `foo.bar`) are left out rather than exported under other names.
 */
import { isLegacyLabelName } from '../../core/group-path.js';
import type { Group } from '../../core/metrics-types';
import { isLate, type RhythmView } from '../../core/rhythm';
import { escapeLabelValue, orderedLabelNames } from '../../core/selector';

/** A group's one state for the per-job counts: a failed last push first, then late, then the rest. */
export type JobState = 'failed' | 'late' | 'on_time' | 'no_rhythm';
const STATES: readonly JobState[] = ['failed', 'late', 'on_time', 'no_rhythm'];

const GROUP_FAMILIES = {
  success: ['pushboard_group_last_success_timestamp_seconds', "Unix time of the group's last successful push."],
  age: ['pushboard_group_last_push_age_seconds', "Seconds since the group's last successful push."],
  interval: [
    'pushboard_group_expected_interval_seconds',
    "The group's expected interval (written in expect:) or usual interval (learned from its push history, else Prometheus' mean).",
  ],
  overdue: [
    'pushboard_group_overdue',
    '1 when the group is late for its rhythm (no successful push by factor × interval + grace, or by its cron schedule + grace), else 0; only groups with a rhythm.',
  ],
  failed: ['pushboard_group_last_push_failed', "1 when the group's last push failed, else 0."],
} as const;

const help = (name: string, text: string) => `# HELP ${name} ${text}\n# TYPE ${name} gauge\n`;
const labelsOf = (group: Group) => {
  const names = orderedLabelNames(group.labels);
  if (!names.every((n) => isLegacyLabelName(n) && !n.startsWith('__'))) return undefined;
  return `{${names.map((n) => `${n}="${escapeLabelValue(group.labels[n]!)}"`).join(',')}}`;
};

export function stateOf(group: Group, rhythm: RhythmView | undefined, nowSeconds: number): JobState {
  if (!group.lastPushSuccessful) return 'failed';
  const late = isLate(group.pushTime, rhythm, nowSeconds);
  return late === undefined ? 'no_rhythm' : late ? 'late' : 'on_time';
}

export function healthExportText(
  groups: readonly Group[],
  rhythmOf: (group: Group) => RhythmView | undefined,
  { nowSeconds, perGroup }: { nowSeconds: number; perGroup: boolean },
): string {
  const counts = new Map<string, Record<JobState, number>>();
  const lines: Record<keyof typeof GROUP_FAMILIES, string[]> = {
    success: [],
    age: [],
    interval: [],
    overdue: [],
    failed: [],
  };
  for (const group of groups) {
    if (group.problem) continue;
    const rhythm = group.pushTime > 0 ? rhythmOf(group) : undefined;
    const state = stateOf(group, rhythm, nowSeconds);
    let job = counts.get(group.job);
    if (!job) counts.set(group.job, (job = { failed: 0, late: 0, on_time: 0, no_rhythm: 0 }));
    job[state]++;
    if (!perGroup) continue;
    const labels = labelsOf(group);
    if (labels === undefined) continue;
    lines.failed.push(`${GROUP_FAMILIES.failed[0]}${labels} ${group.lastPushSuccessful ? 0 : 1}`);
    if (group.pushTime <= 0) continue;
    lines.success.push(`${GROUP_FAMILIES.success[0]}${labels} ${group.pushTime}`);
    lines.age.push(`${GROUP_FAMILIES.age[0]}${labels} ${Math.max(0, nowSeconds - group.pushTime).toFixed(3)}`);
    if (!rhythm) continue;
    lines.interval.push(`${GROUP_FAMILIES.interval[0]}${labels} ${Number(rhythm.intervalSeconds.toFixed(3))}`);
    lines.overdue.push(`${GROUP_FAMILIES.overdue[0]}${labels} ${isLate(group.pushTime, rhythm, nowSeconds) ? 1 : 0}`);
  }
  let text = help(
    'pushboard_job_groups',
    'Groups of each job by state: failed (last push failed), late (for its rhythm), on_time, no_rhythm.',
  );
  for (const [job, byState] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const state of STATES)
      text += `pushboard_job_groups{job="${escapeLabelValue(job)}",state="${state}"} ${byState[state]}\n`;
  }
  if (!perGroup) return text;
  for (const key of Object.keys(GROUP_FAMILIES) as Array<keyof typeof GROUP_FAMILIES>) {
    text += help(GROUP_FAMILIES[key][0], GROUP_FAMILIES[key][1]) + lines[key].map((l) => `${l}\n`).join('');
  }
  return text;
}
