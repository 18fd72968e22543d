import { useQuery } from '@tanstack/react-query';
import { loadRegexEngine, needsRegexEngine, parseSelector } from '../../core/matchers';
import type { PruneRule } from '../../core/prune';
import { isRecord } from '../../core/validate';
import { readJson } from '../gateway/client';
import { servedByServer } from '../config/config';

/** How a rule's last run went (server/prune/pruner.ts `RuleRun`). */
export interface RuleRun {
  matching: number;
  deleted: number;
  kept: number;
  failed: number;
  overLimit?: { matching: number; limit: number };
}

export interface RuleView extends PruneRule {
  /** Groups the rule makes due now, and that become due within the next day. */
  dueNow: number;
  dueWithinDay: number;
  lastRun: RuleRun | null;
}

/** The server's prune rules and their runs (`-/pushboard/rules`). */
export interface RulesView {
  readOnly: boolean;
  dryRun: boolean;
  intervalMs: number | null;
  maxDeletesPerRun: number | null;
  nextRun: number | null;
  gatewayError: string | null;
  lastRun: { startedAt: number; finishedAt: number; outcome: string; error: string | null } | null;
  rules: RuleView[];
  /** The last reload of the configuration file (SIGHUP), if any: refused ones say why. */
  reload: ConfigReload | null;
}

export interface ConfigReload {
  at: number;
  outcome: 'success' | 'refused';
  reason: string | null;
}

function parseReload(raw: unknown): ConfigReload | null {
  if (!isRecord(raw) || (raw.outcome !== 'success' && raw.outcome !== 'refused')) return null;
  return { at: num(raw.at) ?? 0, outcome: raw.outcome, reason: typeof raw.reason === 'string' ? raw.reason : null };
}

const PATH = '-/pushboard/rules';
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads the server's answer; a rule whose selector this page cannot read is left out. */
export function parseRulesView(json: unknown): RulesView {
  const root = isRecord(json) ? json : {};
  const rules: RuleView[] = [];
  for (const raw of Array.isArray(root.rules) ? root.rules : []) {
    if (!isRecord(raw) || typeof raw.name !== 'string' || typeof raw.match !== 'string') continue;
    const parsed = parseSelector(raw.match);
    if (!parsed.ok) continue;
    const olderThan = num(raw.olderThan);
    const failingFor = num(raw.failingFor);
    const lateFor = num(raw.lateFor);
    // A rule limited to some gateways: groups on the others are never due by it.
    const gateways = Array.isArray(raw.gateways) ? raw.gateways.filter((g) => typeof g === 'string') : null;
    rules.push({
      name: raw.name,
      match: raw.match,
      matchers: parsed.matchers,
      ...(olderThan !== null ? { olderThan } : {}),
      ...(failingFor !== null ? { failingFor } : {}),
      ...(lateFor !== null ? { lateFor } : {}),
      ...(gateways ? { gateways } : {}),
      dueNow: num(raw.dueNow) ?? 0,
      dueWithinDay: num(raw.dueWithinDay) ?? 0,
      lastRun: isRecord(raw.lastRun) ? (raw.lastRun as unknown as RuleRun) : null,
    });
  }
  const last = isRecord(root.lastRun) ? root.lastRun : null;
  return {
    readOnly: root.readOnly === true,
    dryRun: root.dryRun === true,
    intervalMs: num(root.intervalMs),
    maxDeletesPerRun: num(root.maxDeletesPerRun),
    nextRun: num(root.nextRun),
    gatewayError: typeof root.gatewayError === 'string' ? root.gatewayError : null,
    lastRun:
      last && typeof last.outcome === 'string'
        ? {
            startedAt: num(last.startedAt) ?? 0,
            finishedAt: num(last.finishedAt) ?? 0,
            outcome: last.outcome,
            error: typeof last.error === 'string' ? last.error : null,
          }
        : null,
    rules,
    reload: parseReload(root.reload),
  };
}

async function fetchRules(signal: AbortSignal): Promise<RulesView> {
  const response = await fetch(new URL(PATH, document.baseURI), { signal, cache: 'no-cache' });
  if (response.status === 404) return parseRulesView({});
  const text = await response.text();
  // A rule with a regex matcher needs the RE2 engine, loaded only when some rule has one.
  if (needsRegexEngine(text)) await loadRegexEngine();
  return readJson(text, PATH, parseRulesView);
}

/**
 * When to ask again: every 10 s (a SIGHUP can change the rules), or just after the server's next
 * run when that comes sooner, so a run's outcome (deleted, held back) shows within moments of it
 * rather than up to 10 s later. Never more often than every 2 s, whatever the clocks say.
 */
export function rulesRefetchMs(view: RulesView | undefined, nowMs: number): number {
  const next = view?.nextRun;
  if (next == null) return 10_000;
  return Math.min(10_000, Math.max(2_000, next - nowMs + 500));
}

/** The server's rules, refreshed as `rulesRefetchMs` says. */
export function usePruneRules(): RulesView | undefined {
  const { data } = useQuery({
    queryKey: ['pushboard', 'rules'],
    queryFn: ({ signal }) => fetchRules(signal),
    // Only the Pushboard server runs rules; served as static files there are none to ask about.
    enabled: servedByServer(),
    refetchInterval: (query) => rulesRefetchMs(query.state.data, Date.now()),
    retry: false,
  });
  return data;
}
