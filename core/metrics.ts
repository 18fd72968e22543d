import {
  METRIC_TYPES,
  type BoundaryRule,
  type Family,
  type Group,
  type Labels,
  type MetricType,
  type NativeBucket,
  type Sample,
} from './metrics-types';
import { formatSelector } from './selector';
import { compareGoFloats, parseGoFloat } from './values';
import { describe, excerpt, isRecord, isStringRecord, type JsonRecord } from './validate';

export const PUSH_TIME = 'push_time_seconds';
export const PUSH_FAILURE_TIME = 'push_failure_time_seconds';

/** The response as a whole is not what the API promises: nothing in it can be trusted. */
export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
}

/**
 * Validates `/api/v1/metrics` and turns it into groups, one linear pass. A group that cannot be
 * read as intended is still returned, with `problem` set, so one bad group never hides the others.
 */
export function parseMetricsResponse(json: unknown): Group[] {
  return parseGroups(readEnvelope(json));
}

/** Every raw group of the response's data, keys made unique. */
export function parseGroups(data: readonly unknown[]): Group[] {
  const seen = new Set<string>();
  return data.map((raw: unknown, index) => {
    const group = parseGroup(raw, index);
    if (seen.has(group.key)) group.key = `${group.key}#${index}`;
    seen.add(group.key);
    return group;
  });
}

/** Checks the `{"status":"success","data":[…]}` envelope and returns the raw groups. */
export function readEnvelope(json: unknown): unknown[] {
  if (!isRecord(json)) throw new ResponseShapeError(`expected a JSON object, got ${describe(json)}`);
  if (json.status !== 'success') {
    const error = typeof json.error === 'string' ? `: ${excerpt(json.error)}` : '';
    throw new ResponseShapeError(`status is ${JSON.stringify(json.status ?? null)}, not "success"${error}`);
  }
  if (!Array.isArray(json.data)) throw new ResponseShapeError(`"data" is ${describe(json.data)}, not an array`);
  return json.data;
}

/**
 * Just enough of a group to sort it, for a large first load where the top of the list is built
 * first: a sound grouping key is read directly, anything else goes through parseGroup.
 */
export function sortingKey(
  raw: unknown,
  index: number,
): Pick<Group, 'job' | 'instance' | 'labels' | 'key'> & { full?: Group } {
  if (isRecord(raw) && isStringRecord(raw.labels) && raw.labels.job) {
    const labels = raw.labels;
    return { job: labels.job ?? '', instance: labels.instance, labels, key: formatSelector(labels) };
  }
  const full = parseGroup(raw, index);
  return { job: full.job, instance: full.instance, labels: full.labels, key: full.key, full };
}

// A grouping key is all text, so labels named `type` and `metrics` do not make it a family.
const isFamilyLike = (value: unknown) =>
  isRecord(value) && 'metrics' in value && 'type' in value && !isStringRecord(value);

export function parseGroup(raw: unknown, index: number): Group {
  if (!isRecord(raw)) return unreadable(`entry ${index} is ${describe(raw)}, not a group`, index);
  const problems: string[] = [];
  const families: Family[] = [];
  let pushTime = 0;
  let failureTime = 0;

  for (const name in raw) {
    const value = raw[name];
    if ((name === 'labels' && !isFamilyLike(value)) || (name === 'last_push_successful' && !isFamilyLike(value))) {
      continue;
    }
    if (name === 'labels' || name === 'last_push_successful') {
      problems.push(`a pushed metric family named "${name}" overwrote the gateway's own "${name}" field`);
    }
    const family = parseFamily(name, value);
    if (typeof family === 'string') {
      problems.push(`family "${excerpt(name, 60)}" ${family}`);
    } else if (name === PUSH_TIME) {
      pushTime = firstValue(family);
    } else if (name === PUSH_FAILURE_TIME) {
      failureTime = firstValue(family);
    } else {
      families.push(family);
    }
  }
  families.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  let labels: Labels | undefined;
  if (isStringRecord(raw.labels) && raw.labels.job) {
    labels = raw.labels;
  } else {
    if (!isFamilyLike(raw.labels)) problems.push(`its "labels" are ${describeLabels(raw.labels)}`);
    labels = recoverLabels(raw);
    problems.push(labels ? 'the labels shown were recovered from its samples' : 'its grouping key is unknown');
  }
  const lastPushSuccessful =
    typeof raw.last_push_successful === 'boolean' ? raw.last_push_successful : !(failureTime > pushTime);

  const sampleCount = families.reduce((n, f) => n + f.samples.length, 0);
  const base = {
    lastPushSuccessful,
    pushTime,
    failureTime,
    families,
    sampleCount,
    ...(problems.length ? { problem: capitalise(problems.join('; ')) } : {}),
  };
  if (!labels) return { ...unreadable('', index), ...base };
  const selector = formatSelector(labels);
  return { key: selector, labels, job: labels.job ?? '', instance: labels.instance, selector, ...base };
}

function describeLabels(value: unknown): string {
  if (value === undefined) return 'missing';
  if (isStringRecord(value)) return 'without a job';
  return `${describe(value)} of the wrong shape`;
}

/** The gateway copies a group's labels onto every sample of push_time_seconds (instance="" if none). */
function recoverLabels(raw: JsonRecord): Labels | undefined {
  for (const name of [PUSH_TIME, PUSH_FAILURE_TIME]) {
    const family = raw[name];
    const sample = isRecord(family) && Array.isArray(family.metrics) ? family.metrics[0] : undefined;
    const labels = isRecord(sample) ? sample.labels : undefined;
    if (isStringRecord(labels) && labels.job) {
      const { instance, ...rest } = labels;
      return instance ? { ...rest, instance } : rest;
    }
  }
  return undefined;
}

function unreadable(problem: string, index: number): Group {
  return {
    key: `unreadable-group-${index}`,
    labels: {},
    job: '',
    instance: undefined,
    selector: '{?}',
    lastPushSuccessful: false,
    pushTime: 0,
    failureTime: 0,
    families: [],
    sampleCount: 0,
    problem: capitalise(problem),
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function firstValue(family: Family): number {
  const sample = family.samples[0];
  const value = sample?.kind === 'value' ? parseGoFloat(sample.value) : NaN;
  return Number.isFinite(value) ? value : 0;
}

/** Returns the family, or the reason it is unreadable. */
export function parseFamily(name: string, raw: unknown): Family | string {
  if (!isRecord(raw)) return `is ${describe(raw)}, not a metric family`;
  const type = raw.type;
  if (typeof type !== 'string' || !(METRIC_TYPES as readonly string[]).includes(type)) {
    return `has an unknown TYPE ${excerpt(JSON.stringify(type ?? null), 40)}`;
  }
  if (raw.help !== undefined && typeof raw.help !== 'string') return 'has a HELP that is not text';
  if (raw.time_stamp !== undefined && typeof raw.time_stamp !== 'string') return 'has a time_stamp that is not text';
  if (!Array.isArray(raw.metrics)) return `has "metrics" that are ${describe(raw.metrics)}, not an array`;
  const samples: Sample[] = [];
  for (const metric of raw.metrics as unknown[]) {
    const sample = parseSample(metric);
    if (typeof sample === 'string') return `has a sample that ${sample}`;
    samples.push(sample);
  }
  return { name, type: type as MetricType, help: raw.help ?? '', timeStamp: raw.time_stamp ?? '', samples };
}

function parseSample(raw: unknown): Sample | string {
  if (!isRecord(raw)) return `is ${describe(raw)}`;
  const labels = raw.labels;
  if (!isStringRecord(labels)) return 'has labels that are not text';
  if ('value' in raw) {
    return typeof raw.value === 'string' ? { kind: 'value', labels, value: raw.value } : 'has a value that is not text';
  }
  const { count, sum } = raw;
  if (typeof count !== 'string' || typeof sum !== 'string') return 'has no value, or no count and sum';
  if ('quantiles' in raw) {
    if (!isStringRecord(raw.quantiles)) return 'has quantiles that are not text';
    return { kind: 'summary', labels, quantiles: sortedEntries(raw.quantiles), count, sum };
  }
  if (Array.isArray(raw.buckets)) {
    const buckets: NativeBucket[] = [];
    for (const bucket of raw.buckets as unknown[]) {
      const parsed = parseNativeBucket(bucket);
      if (!parsed) return 'has a native histogram bucket of the wrong shape';
      buckets.push(parsed);
    }
    return { kind: 'native-histogram', labels, buckets, count, sum };
  }
  if (isStringRecord(raw.buckets)) {
    return { kind: 'histogram', labels, buckets: sortedEntries(raw.buckets), count, sum };
  }
  return 'is neither a value, a summary nor a histogram';
}

function parseNativeBucket(raw: unknown): NativeBucket | undefined {
  if (!Array.isArray(raw) || raw.length !== 4) return undefined;
  const [rule, lower, upper, count] = raw as unknown[];
  if (rule !== 0 && rule !== 1 && rule !== 2 && rule !== 3) return undefined;
  if (typeof lower !== 'string' || typeof upper !== 'string' || typeof count !== 'string') return undefined;
  return { rule: rule as BoundaryRule, lower, upper, count };
}

function sortedEntries(record: Record<string, string>): Array<readonly [string, string]> {
  return Object.entries(record).sort(([a], [b]) => compareGoFloats(a, b));
}
