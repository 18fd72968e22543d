/** The server's pruner: its rules run on the server's model of the gateway, counted in its metrics. */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { GatewayModel } from '../state/model';
import { dueAt, type IntervalOf, type PruneRule } from '../../core/prune';
import { encodeRule, type RulesAnswer } from '../../core/wire/rules';
import { DryRunLog } from './dry-run-log';
import { auditLine, Pruner } from './pruner';

export function serverPruner({
  model,
  send,
  registry,
  dryRun = false,
  gateways,
  log,
  intervalOf,
}: {
  model: GatewayModel;
  send: (method: string, path: string, gateway?: string) => Promise<unknown>;
  registry: Registry;
  dryRun?: boolean;
  /** With several gateways, their names: deletes are then counted by gateway too. */
  gateways?: readonly string[];
  log: (line: string) => void;
  /** Each group's usual or expected interval, for `late_for`. */
  intervalOf?: IntervalOf;
}): Pruner {
  const multi = (gateways?.length ?? 0) > 1;
  const runs = new Counter({
    name: 'pushboard_prune_runs_total',
    help: 'Runs of the prune rules, by outcome (success, failed, over_limit).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const deleted = new Counter({
    name: 'pushboard_prune_deleted_groups_total',
    help: 'Groups deleted by each prune rule (with several gateways, on each gateway).',
    labelNames: multi ? ['rule', 'gateway'] : ['rule'],
    registers: [registry],
  });
  const matching = new Gauge({
    name: 'pushboard_prune_matching_groups',
    help: "Groups due for deletion by each prune rule at its last run (before the rule's cap).",
    labelNames: ['rule'],
    registers: [registry],
  });
  const overLimit = new Counter({
    name: 'pushboard_prune_over_limit_total',
    help: 'Runs in which a prune rule matched more groups than max_deletes_per_run, and so deleted none.',
    labelNames: ['rule'],
    registers: [registry],
  });
  const lastRun = new Gauge({
    name: 'pushboard_prune_last_run_timestamp_seconds',
    help: 'When the prune rules last ran (Unix seconds).',
    registers: [registry],
  });
  for (const outcome of ['success', 'failed', 'over_limit']) runs.inc({ outcome }, 0);

  // A dry run logs what changed since its last run, not every due group every run.
  const dryLog = new DryRunLog(log);
  const pruner = new Pruner({
    model,
    deleteGroup: (path, group) => send('DELETE', path, group.gateway),
    dryRun,
    intervalOf,
    events: {
      line: log,
      acted: (action) => {
        if (action.result === 'would delete') dryLog.add(action);
        else log(auditLine(action));
        if (action.result === 'deleted') {
          deleted.inc({ rule: action.rule.name, ...(multi ? { gateway: action.group.gateway ?? '' } : {}) });
        }
      },
      configured: (config) => {
        // The gauge forgets rules that are gone; every rule's series exist from the start.
        matching.reset();
        for (const rule of config?.rules ?? []) {
          matching.set({ rule: rule.name }, 0);
          if (multi) {
            for (const gateway of rule.gateways ?? gateways ?? []) deleted.inc({ rule: rule.name, gateway }, 0);
          } else {
            deleted.inc({ rule: rule.name }, 0);
          }
          overLimit.inc({ rule: rule.name }, 0);
        }
      },
      run: (report) => {
        // A run that could not read the gateway says so itself, and changes nothing to compare.
        if (dryRun && report.error === undefined) dryLog.end();
        runs.inc({ outcome: report.outcome });
        lastRun.set(report.finishedAt / 1000);
        for (const rule of report.rules) {
          matching.set({ rule: rule.rule }, rule.matching);
          if (rule.overLimit) overLimit.inc({ rule: rule.rule });
        }
      },
    },
  });
  return pruner;
}

/**
 * What the Rules page shows: the rules as configured, how many groups each makes due now and
 * within the next day (from the server's model), and how their last run went.
 */
export function rulesView(
  pruner: Pruner,
  model: GatewayModel,
  {
    readOnly,
    dryRun,
    now = Date.now(),
    intervalOf,
  }: { readOnly: boolean; dryRun: boolean; now?: number; intervalOf?: IntervalOf },
) {
  const settings = pruner.settings;
  const last = pruner.last;
  const nowSeconds = now / 1000;
  const groups = pruner.rules.length ? model.snapshot().groups : [];
  const counts = (rule: PruneRule) => {
    let dueNow = 0;
    let dueWithinDay = 0;
    for (const group of groups) {
      const at = dueAt(group, rule, intervalOf);
      if (at === null) continue;
      if (at <= nowSeconds) dueNow++;
      else if (at <= nowSeconds + 86_400) dueWithinDay++;
    }
    return { dueNow, dueWithinDay };
  };
  return {
    readOnly,
    dryRun,
    intervalMs: settings?.intervalMs ?? null,
    maxDeletesPerRun: settings?.maxDeletesPerRun ?? null,
    nextRun: pruner.nextRun ?? null,
    /**
     * Whether the counts come from a current read of the gateway; with several, which of them
     * could not be read (the counts then leave out what changed on those since).
     */
    gatewayError: model.status.error?.message ?? downGateways(model) ?? null,
    lastRun: last
      ? { startedAt: last.startedAt, finishedAt: last.finishedAt, outcome: last.outcome, error: last.error ?? null }
      : null,
    rules: pruner.rules.map((rule) =>
      encodeRule(rule, { ...counts(rule), lastRun: last?.rules.find((r) => r.rule === rule.name) ?? null }),
    ),
  } satisfies Omit<RulesAnswer, 'reload'>;
}

/** With several gateways, those whose last read failed while others answered, in one line. */
function downGateways(model: GatewayModel): string | undefined {
  const down = (model.status.gateways ?? []).filter((g) => g.error);
  if (down.length === 0) return undefined;
  return down.map((g) => `${g.name}: ${g.error!.message}`).join('; ');
}
