/**
 * The push check's verdict: would this gateway accept this push, and if not, what would it answer.
 * Follows the gateway's own order (handler/push.go): the path, the body's format, then the store's
 * check (timestamps, then a trial of the push against every group). Pushboard's own remarks, such
 * as a HELP that differs from other groups' (accepted) or a body label the key overrides, are
 * notes, kept apart from the gateway's words.
 */
import type { Group, Sample } from '../../core/metrics-types';
import type { Verdict } from '../../core/wire/check';
import { checkConsistency, type GatewayState, type HeldGroup, type HeldSeries, joinErrors } from './consistency';
import type { CheckFamily } from './families';
import type { GatewayFacts } from './gateway-facts';
import { parseProtobuf } from './protobuf-body';
import { readPushPath } from './push-path';
import { parseText } from './text-parse';

export const CONSISTENCY_PREFIX = 'pushed metrics are invalid or inconsistent with existing metrics: ';

export type { Verdict };

export interface CheckRequest {
  /** The push path after `metrics/`, as sent (percent-encoded). */
  path: string;
  body: Uint8Array;
  protobuf: boolean;
  replace: boolean;
}

const num = (text: string) => Number(text.replace(/^\+?Inf$/i, 'Infinity').replace(/^-Inf$/i, '-Infinity'));

/** A sample of the model with the values the gateway's error messages print. */
function heldSeries(sample: Sample): HeldSeries {
  switch (sample.kind) {
    case 'value':
      return { labels: sample.labels, value: num(sample.value) };
    case 'summary':
      return {
        labels: sample.labels,
        summary: {
          count: num(sample.count),
          sum: num(sample.sum),
          quantiles: sample.quantiles.map(([q, v]) => [num(q), num(v)]),
        },
      };
    case 'histogram':
      return {
        labels: sample.labels,
        histogram: {
          count: num(sample.count),
          sum: num(sample.sum),
          buckets: sample.buckets.map(([le, c]) => [num(le), num(c)]),
        },
      };
    default:
      return { labels: sample.labels, histogram: { count: num(sample.count), sum: num(sample.sum), buckets: [] } };
  }
}

/** The gateway's groups as the check weighs them. */
export function heldGroups(groups: readonly Group[]): HeldGroup[] {
  return groups
    .filter((g) => !g.problem)
    .map((g) => ({
      labels: g.labels,
      families: g.families.map((f) => ({
        name: f.name,
        type: f.type,
        help: f.help,
        series: f.samples.map(heldSeries),
      })),
    }));
}

function helpNotes(families: readonly CheckFamily[], groups: readonly HeldGroup[], key: string): string[] {
  const notes: string[] = [];
  for (const family of families) {
    const other = groups
      .filter((g) => JSON.stringify(Object.entries(g.labels).sort()) !== key)
      .flatMap((g) => g.families)
      .find((f) => f.name === family.name && f.type === family.type && f.help !== family.help);
    if (other) {
      notes.push(
        `${family.name}: its HELP differs from another group's ("${other.help}"). The gateway accepts that and shows one of the two.`,
      );
    }
  }
  return notes;
}

function overriddenNotes(families: readonly CheckFamily[], key: Record<string, string>): string[] {
  const notes = new Set<string>();
  for (const family of families) {
    for (const metric of family.metrics) {
      for (const [name, value] of metric.labels) {
        if (key[name] !== undefined && key[name] !== value) {
          notes.add(
            `${family.name}: the body's ${name}="${value}" is replaced by the grouping key's ${name}="${key[name]}".`,
          );
        }
      }
    }
  }
  return [...notes].slice(0, 10);
}

export function judgePush(request: CheckRequest, facts: GatewayFacts, groups: readonly Group[]): Verdict {
  const gateway = { version: facts.version, utf8Names: facts.utf8Names, consistencyCheck: facts.consistencyCheck };
  const refuse = (answer: string, extra: Partial<Verdict> = {}): Verdict => ({
    accepted: false,
    status: 400,
    reasons: [answer],
    answer,
    varies: false,
    notes: [],
    groupingKey: null,
    gateway,
    ...extra,
  });
  const path = readPushPath(request.path, { utf8Names: facts.utf8Names });
  if (!path.ok) {
    const hangs = path.hangs && !atLeastNewLocking(facts.version);
    return refuse(path.reason, {
      notes: hangs
        ? [
            'Gateway releases before 1.6.1 keep a lock after this refusal: every later request on a job@base64 path hangs until the gateway restarts.',
          ]
        : [],
    });
  }
  const parsed = request.protobuf
    ? parseProtobuf(request.body)
    : parseText(request.body, facts.newParser ? 'utf8' : 'legacy');
  if (parsed.error !== undefined) return refuse(parsed.error, { groupingKey: path.labels });
  const key = JSON.stringify(Object.entries(path.labels).sort());
  const held = heldGroups(groups);
  const notes = [...overriddenNotes(parsed.families, path.labels), ...helpNotes(parsed.families, held, key)];
  if (!facts.consistencyCheck) {
    return {
      accepted: true,
      status: 202,
      reasons: [],
      answer: '',
      varies: false,
      notes: [
        'This gateway runs with --push.disable-consistency-check: it accepts any body it can parse, without checking it.',
        ...notes,
      ],
      groupingKey: path.labels,
      gateway,
    };
  }
  const state: GatewayState = {
    groups: held,
    own: facts.own,
    utf8Names: facts.utf8Names,
    legacyText: !facts.newParser,
  };
  const result = checkConsistency({ labels: path.labels, families: parsed.families, replace: request.replace }, state);
  if (result.errors.length === 0) {
    return {
      accepted: true,
      status: 200,
      reasons: [],
      answer: '',
      varies: false,
      notes,
      groupingKey: path.labels,
      gateway,
    };
  }
  const answer = `${CONSISTENCY_PREFIX}${joinErrors(result.errors)}`;
  const silent = facts.version === '1.11.0';
  return {
    accepted: false,
    status: 400,
    reasons: result.errors.map((e) => `${CONSISTENCY_PREFIX}${e}`),
    answer,
    varies: result.varies,
    notes: [
      ...(silent
        ? [
            'Gateway 1.11.0 as Debian builds it closes the connection without answering this refusal (it fails while logging it): a client sees a connection error, not this text.',
          ]
        : []),
      'A refused push still marks the group as failed (and creates it if it did not exist).',
      ...notes,
    ],
    groupingKey: path.labels,
    gateway,
  };
}

function atLeastNewLocking(version: string): boolean {
  const [a = 0, b = 0, c = 0] = version.split('.').map((n) => Number.parseInt(n, 10));
  return a > 1 || (a === 1 && (b > 6 || (b === 6 && c >= 1)));
}
