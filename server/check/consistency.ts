/**
 * What the gateway does with a parsed push before it answers (storage/diskmetricstore.go's
 * checkWriteRequest, client_golang's Gatherers.Gather): refuse timestamps, write the grouping key
 * into every series, apply the push to a copy of every group, then gather the gateway's own
 * metrics and every group's and collect each inconsistency, in the gateway's words.
 *
 * The gateway walks its groups and families in Go map order, so where two families disagree
 * the one met first sets the TYPE, and its answer names whichever it met second. Pushboard
 * walks the other groups first and the pushed group last, the likelier reading of "the push
 * clashes with what is there"; `varies` says where the gateway's wording may differ from this
 * (never whether it refuses).
 */
import { type CheckFamily, type CheckMetric, type FamilyType, fitsType, metricText } from './families';
import { goQuote } from './go-format';

/** A family the gateway holds: in a group, or among its own metrics. */
export interface HeldFamily {
  name: string;
  type: FamilyType;
  help: string;
  /** Each series: its full label set (grouping labels included) and values, as the gateway stores it. */
  series: readonly HeldSeries[];
}

/** A held series: its labels, and its values where the gateway's error message would print them. */
export interface HeldSeries extends Pick<CheckMetric, 'value' | 'summary' | 'histogram'> {
  labels: Readonly<Record<string, string>>;
}

export interface HeldGroup {
  labels: Readonly<Record<string, string>>;
  families: readonly HeldFamily[];
}

export interface GatewayState {
  groups: readonly HeldGroup[];
  /** The gateway's own metrics (go_*, process_*, pushgateway_*): the first gatherer. */
  own: ReadonlyArray<Omit<HeldFamily, 'series'>>;
  /** 1.11+ with --push.enable-utf8-names: any UTF-8 label name. */
  utf8Names: boolean;
  /** Gateways before 1.11 write a metric in the older protobuf text format. */
  legacyText?: boolean;
}

export interface Push {
  labels: Readonly<Record<string, string>>;
  families: CheckFamily[];
  /** PUT replaces the whole group; POST only the families it names. */
  replace: boolean;
}

export interface Consistency {
  /** The errors, in the order Pushboard met them (the gateway sends them as one message). */
  errors: string[];
  /** Whether the gateway's wording may differ (which family it met first, how many errors). */
  varies: boolean;
}

const PUSH_TIMES = new Set(['push_time_seconds', 'push_failure_time_seconds']);
const legacyLabel = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const byName = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** sanitizeLabels: the grouping key's values win, every series gets an `instance`, labels sorted. */
export function sanitize(metric: CheckMetric, grouping: Readonly<Record<string, string>>): CheckMetric {
  const labels = metric.labels.map((p): [string, string] => [...p]);
  const notYet = new Map(Object.entries(grouping));
  let hasInstance = false;
  let done = false;
  for (const pair of labels) {
    const value = notYet.get(pair[0]);
    if (value !== undefined) {
      pair[1] = value;
      notYet.delete(pair[0]);
    }
    if (pair[0] === 'instance') hasInstance = true;
    if (notYet.size === 0 && hasInstance) {
      done = true;
      break;
    }
  }
  if (!done) {
    for (const [name, value] of notYet) {
      labels.push([name, value]);
      if (name === 'instance') hasInstance = true;
    }
    if (!hasInstance) labels.push(['instance', '']);
  }
  return { ...metric, labels: labels.sort(byName) };
}

const kindOf = (type: FamilyType): CheckMetric['kind'] =>
  type === 'COUNTER'
    ? 'counter'
    : type === 'GAUGE'
      ? 'gauge'
      : type === 'SUMMARY'
        ? 'summary'
        : type === 'HISTOGRAM' || type === 'GAUGE_HISTOGRAM'
          ? 'histogram'
          : 'untyped';

/** A held series as a metric of its family's TYPE; a summary or histogram always has its values (maybe none). */
function heldMetric(type: FamilyType, series: HeldSeries): CheckMetric {
  const kind = kindOf(type);
  return {
    labels: Object.entries(series.labels).sort(byName),
    kind,
    value: series.value,
    summary: kind === 'summary' ? (series.summary ?? { quantiles: [] }) : undefined,
    histogram: kind === 'histogram' ? (series.histogram ?? { buckets: [] }) : undefined,
  };
}

interface Gathered {
  name: string;
  type: FamilyType;
  help: string;
  metrics: Array<{ metric: CheckMetric; pushed: boolean }>;
  /** Held by another group as well as by the push. */
  shared: boolean;
}

function suffixCollision(name: string, type: FamilyType, known: Map<string, { type: FamilyType }>): string | undefined {
  const base = name.endsWith('_count')
    ? name.slice(0, -6)
    : name.endsWith('_sum')
      ? name.slice(0, -4)
      : name.endsWith('_bucket')
        ? name.slice(0, -7)
        : '';
  if (base) {
    const existing = known.get(base)?.type;
    if (existing === 'SUMMARY' && !name.endsWith('_bucket')) {
      return `collected metric named ${goQuote(name)} collides with previously collected summary named ${goQuote(base)}`;
    }
    if (existing === 'HISTOGRAM') {
      return `collected metric named ${goQuote(name)} collides with previously collected histogram named ${goQuote(base)}`;
    }
  }
  if (type === 'SUMMARY' || type === 'HISTOGRAM') {
    for (const suffix of ['_count', '_sum']) {
      if (known.has(name + suffix)) {
        return `collected histogram or summary named ${goQuote(name)} collides with previously collected metric named ${goQuote(name + suffix)}`;
      }
    }
  }
  if (type === 'HISTOGRAM' && known.has(`${name}_bucket`)) {
    return `collected histogram named ${goQuote(name)} collides with previously collected metric named ${goQuote(`${name}_bucket`)}`;
  }
  return undefined;
}

/** The gateway's check of one push against its state: the errors it would answer with. */
export function checkConsistency(push: Push, state: GatewayState): Consistency {
  if (push.families.some((f) => f.metrics.some((m) => m.timestampMs !== undefined))) {
    return { errors: ['pushed metrics must not have timestamps'], varies: false };
  }
  const key = JSON.stringify(Object.entries(push.labels).sort(byName));
  const pushedNames = new Set(push.families.map((f) => f.name));
  // The store after the push: every other group, then the pushed one (what it keeps, and the push).
  const merged = new Map<string, Gathered>();
  const add = (family: Omit<HeldFamily, 'series'>, metrics: CheckMetric[], pushed: boolean) => {
    const known = merged.get(family.name);
    if (known) {
      known.shared = true;
      known.metrics.push(...metrics.map((metric) => ({ metric, pushed })));
    } else {
      merged.set(family.name, {
        name: family.name,
        type: family.type,
        help: family.help,
        metrics: metrics.map((metric) => ({ metric, pushed })),
        shared: false,
      });
    }
  };
  let target: HeldGroup | undefined;
  for (const group of state.groups) {
    if (JSON.stringify(Object.entries(group.labels).sort(byName)) === key) {
      target = group;
      continue;
    }
    for (const f of group.families)
      add(
        f,
        f.series.map((s) => heldMetric(f.type, s)),
        false,
      );
  }
  for (const f of target?.families ?? []) {
    if (push.replace || pushedNames.has(f.name)) continue;
    add(
      f,
      f.series.map((s) => heldMetric(f.type, s)),
      false,
    );
  }
  for (const f of push.families) {
    if (PUSH_TIMES.has(f.name)) continue;
    add(
      f,
      f.metrics.map((m) => sanitize(m, push.labels)),
      true,
    );
  }

  const errors: string[] = [];
  let varies = false;
  const gathered = new Map<string, { type: FamilyType; help: string }>();
  for (const own of state.own) gathered.set(own.name, own);
  const hashes = new Set<string>();
  for (const family of merged.values()) {
    const own = state.own.find((o) => o.name === family.name);
    if (own) {
      // The group's HELP has been replaced by the gateway's own (predefinedHelp): only TYPE can clash.
      if (own.type !== family.type) {
        errors.push(`gathered metric family ${family.name} has type ${family.type} but should have ${own.type}`);
        continue;
      }
    } else {
      const collision = suffixCollision(family.name, family.type, gathered);
      if (collision) {
        errors.push(collision);
        const base = family.name.replace(/_(count|sum|bucket)$/, '');
        if (!state.own.some((o) => o.name === base || o.name.startsWith(`${family.name}_`))) varies = true;
        continue;
      }
      gathered.set(family.name, family);
    }
    for (const { metric, pushed } of family.metrics) {
      const error = metricError(family, metric, hashes, state.utf8Names, state.legacyText);
      if (!error) continue;
      errors.push(error.text);
      // Met in another order, the other group's series would be named, or set the TYPE.
      if (error.kind === 'type' && family.shared) varies = true;
      if (error.kind === 'duplicate' && !pushed) varies = true;
      if (error.kind === 'duplicate' && family.shared) varies = true;
    }
  }
  if (errors.length > 1) varies = true;
  return { errors, varies };
}

function metricError(
  family: Gathered,
  metric: CheckMetric,
  hashes: Set<string>,
  utf8Names: boolean,
  legacy = false,
): { kind: 'type' | 'label' | 'duplicate'; text: string } | undefined {
  const at = `collected metric ${goQuote(family.name)} { ${metricText(metric, legacy)}}`;
  if (!fitsType(family.type, metric.kind)) return { kind: 'type', text: `${at} is not a ${family.type}` };
  let previous = '';
  for (const [name, value] of metric.labels) {
    if (name === previous) return { kind: 'label', text: `${at} has two or more labels with the same name: ${name}` };
    const valid = (utf8Names ? name.length > 0 : legacyLabel.test(name)) && !name.startsWith('__');
    if (!valid) return { kind: 'label', text: `${at} has a label with an invalid name: ${name}` };
    if (metric.kind === 'summary' && name === 'quantile') {
      return { kind: 'label', text: `${at} must not have an explicit "quantile" label` };
    }
    if (metric.notUtf8 === name) {
      return {
        kind: 'label',
        text: `${at} has a label named ${goQuote(name)} whose value is not utf8: ${goQuote(value)}`,
      };
    }
    previous = name;
  }
  const hash = JSON.stringify([family.name, metric.labels]);
  if (hashes.has(hash)) {
    return { kind: 'duplicate', text: `${at} was collected before with the same name and label values` };
  }
  hashes.add(hash);
  return undefined;
}

/** Several errors come as one message, as client_golang's MultiError writes it. */
export function joinErrors(errors: readonly string[]): string {
  return errors.length === 1
    ? errors[0]!
    : `${errors.length} error(s) occurred:${errors.map((e) => `\n* ${e}`).join('')}`;
}
