/**
 * `-/pushboard/rules`: the server's prune rules, how many groups each makes due, and how their
 * last run went, as the server writes it (server/prune/server-prune.ts) and the Rules page reads
 * it (src/prune/api.ts).
 */
import { parseSelector } from '../matchers';
import type { PruneRule } from '../prune';
import { isRecord } from '../validate';
import { Fields } from './read';

/** How one rule's last run went, as the Rules page, the log and the metrics tell it. */
export interface RuleRun {
  rule: string;
  /** Groups due when the run began. */
  matching: number;
  deleted: number;
  /** Pushed again between the first read and the delete. */
  kept: number;
  failed: number;
  /** Set when the rule matched more than max_deletes_per_run and deleted none. */
  overLimit?: { matching: number; limit: number };
}

/** The last reload of the configuration file (SIGHUP): refused ones say why. */
export interface ConfigReload {
  at: number;
  outcome: 'success' | 'refused';
  /** Why it was refused: the file's error, or a rule above. */
  reason: string | null;
}

export interface RunSummary {
  startedAt: number;
  finishedAt: number;
  outcome: string;
  error: string | null;
}

/** One rule as it crosses the wire. */
export interface RuleAnswer {
  name: string;
  match: string;
  olderThan: number | null;
  failingFor: number | null;
  lateFor: number | null;
  gateways: readonly string[] | null;
  /** Groups the rule makes due now, and that become due within the next day. */
  dueNow: number;
  dueWithinDay: number;
  lastRun: RuleRun | null;
}

/** The answer as it crosses the wire. */
export interface RulesAnswer {
  readOnly: boolean;
  dryRun: boolean;
  intervalMs: number | null;
  maxDeletesPerRun: number | null;
  nextRun: number | null;
  gatewayError: string | null;
  lastRun: RunSummary | null;
  rules: RuleAnswer[];
  reload: ConfigReload | null;
}

/** A rule as the page holds it: its selector read. */
export interface RuleView extends PruneRule {
  dueNow: number;
  dueWithinDay: number;
  lastRun: RuleRun | null;
}

export interface RulesView extends Omit<RulesAnswer, 'rules'> {
  rules: RuleView[];
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

export function decodeRuleRun(raw: unknown): RuleRun | null {
  if (!isRecord(raw)) return null;
  const matching = num(raw.matching);
  const deleted = num(raw.deleted);
  const kept = num(raw.kept);
  const failed = num(raw.failed);
  if (matching === null || deleted === null || kept === null || failed === null) return null;
  const over = isRecord(raw.overLimit) ? raw.overLimit : null;
  const [overMatching, limit] = over ? [num(over.matching), num(over.limit)] : [null, null];
  return {
    rule: text(raw.rule) ?? '',
    matching,
    deleted,
    kept,
    failed,
    ...(overMatching !== null && limit !== null ? { overLimit: { matching: overMatching, limit } } : {}),
  };
}

function decodeReload(raw: unknown): ConfigReload | null {
  if (!isRecord(raw) || (raw.outcome !== 'success' && raw.outcome !== 'refused')) return null;
  return { at: num(raw.at) ?? 0, outcome: raw.outcome, reason: text(raw.reason) };
}

function decodeRule(raw: unknown): RuleView | null {
  if (!isRecord(raw) || typeof raw.name !== 'string' || typeof raw.match !== 'string') return null;
  // A selector this page cannot read (one a newer server accepts, say): the rule is left out.
  const parsed = parseSelector(raw.match);
  if (!parsed.ok) return null;
  const olderThan = num(raw.olderThan);
  const failingFor = num(raw.failingFor);
  const lateFor = num(raw.lateFor);
  // A rule limited to some gateways: groups on the others are never due by it.
  const gateways = Array.isArray(raw.gateways) ? raw.gateways.filter((g) => typeof g === 'string') : null;
  return {
    name: raw.name,
    match: raw.match,
    matchers: parsed.matchers,
    ...(olderThan !== null ? { olderThan } : {}),
    ...(failingFor !== null ? { failingFor } : {}),
    ...(lateFor !== null ? { lateFor } : {}),
    ...(gateways ? { gateways } : {}),
    dueNow: num(raw.dueNow) ?? 0,
    dueWithinDay: num(raw.dueWithinDay) ?? 0,
    lastRun: decodeRuleRun(raw.lastRun),
  };
}

/**
 * The page's view of the answer. Not an object at all is refused; within it, a rule that cannot
 * be read is left out, and a field that cannot be read has its default. A rule with a regex
 * matcher needs the RE2 engine loaded first (core/matchers.ts `needsRegexEngine`).
 */
export function decodeRules(json: unknown): RulesView {
  const f = Fields.of('a rules answer', json);
  const rules = Array.isArray(f.raw('rules')) ? (f.raw('rules') as unknown[]) : [];
  const last = f.raw('lastRun');
  return {
    readOnly: f.raw('readOnly') === true,
    dryRun: f.raw('dryRun') === true,
    intervalMs: num(f.raw('intervalMs')),
    maxDeletesPerRun: num(f.raw('maxDeletesPerRun')),
    nextRun: num(f.raw('nextRun')),
    gatewayError: text(f.raw('gatewayError')),
    lastRun:
      isRecord(last) && typeof last.outcome === 'string'
        ? {
            startedAt: num(last.startedAt) ?? 0,
            finishedAt: num(last.finishedAt) ?? 0,
            outcome: last.outcome,
            error: text(last.error),
          }
        : null,
    rules: rules.flatMap((raw) => decodeRule(raw) ?? []),
    reload: decodeReload(f.raw('reload')),
  };
}

/** One rule as the server writes it. */
export function encodeRule(
  rule: PruneRule,
  counts: Pick<RuleAnswer, 'dueNow' | 'dueWithinDay' | 'lastRun'>,
): RuleAnswer {
  return {
    name: rule.name,
    match: rule.match,
    olderThan: rule.olderThan ?? null,
    failingFor: rule.failingFor ?? null,
    lateFor: rule.lateFor ?? null,
    gateways: rule.gateways ?? null,
    dueNow: counts.dueNow,
    dueWithinDay: counts.dueWithinDay,
    lastRun: counts.lastRun,
  };
}

/** The page's view as the server writes it. */
export function encodeRules(view: RulesView): RulesAnswer {
  return { ...view, rules: view.rules.map((rule) => encodeRule(rule, rule)) };
}
