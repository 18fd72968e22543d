/**
 * Each group's rhythm, from Prometheus' history of its `push_time_seconds`: the value changes at
 * every successful push, so over a window the number of changes and the span between the first
 * and the last push time give the usual interval between pushes. Two instant queries over a range
 * answer it for every group at once, however many there are: Prometheus reads the samples, and
 * only one number per group comes back.
 */
import { MIN_PUSHES, type Cadence } from '../../core/cadence';
import { labelMatcher } from '../../core/selector';
import type { Sample } from './client';

/** The selector for the gateway's push times: all of them, or the scrape job's when labels are renamed. */
export function pushTimeSelector(honorLabels: boolean, scrapeJob: string): string {
  return honorLabels ? 'push_time_seconds' : `push_time_seconds{${labelMatcher('job', scrapeJob)}}`;
}

/** The two queries: pushes (changes) and the span from first to last push, over `window` (e.g. "7d"). */
export function cadenceQueries(selector: string, window: string): { changes: string; span: string } {
  return {
    changes: `changes(${selector}[${window}])`,
    span: `max_over_time(${selector}[${window}]) - min_over_time(${selector}[${window}])`,
  };
}

/**
 * A series' grouping labels as the gateway has them. With honor_labels the pushed labels are the
 * series' own; without it Prometheus moved `job` and `instance` to `exported_job` and
 * `exported_instance` and put the target's in their place. Labels the scrape job adds to every
 * series (its target labels) are not part of any grouping key and are left out.
 */
export function groupingLabels(
  metric: Readonly<Record<string, string>>,
  honorLabels: boolean,
  targetLabels: Readonly<Record<string, string>>,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) {
    if (name === '__name__') continue;
    if (!honorLabels) {
      if (name === 'job' || name === 'instance') continue;
      if (name === 'exported_job' || name === 'exported_instance') {
        labels[name.slice('exported_'.length)] = value;
        continue;
      }
    }
    if (name !== 'job' && name !== 'instance' && targetLabels[name] === value) continue;
    labels[name] = value;
  }
  return labels;
}

/**
 * Joins the answers of the two queries by series, keyed as `key(labels)` says (the group's key
 * in the server's model). Groups with fewer than MIN_PUSHES pushes in the window get no rhythm.
 */
export function cadences(
  changes: readonly Sample[],
  spans: readonly Sample[],
  toLabels: (metric: Readonly<Record<string, string>>) => Record<string, string>,
  key: (labels: Record<string, string>) => string,
): Map<string, Cadence> {
  const spanByKey = new Map<string, number>();
  for (const s of spans) spanByKey.set(key(toLabels(s.metric)), Number(s.value[1]));
  const result = new Map<string, Cadence>();
  for (const c of changes) {
    const k = key(toLabels(c.metric));
    const gaps = Number(c.value[1]);
    const span = spanByKey.get(k);
    if (!Number.isFinite(gaps) || span === undefined || !Number.isFinite(span)) continue;
    const pushes = gaps + 1;
    if (pushes < MIN_PUSHES || span <= 0) continue;
    result.set(k, { intervalSeconds: span / gaps, pushes });
  }
  return result;
}
