/**
 * Prune rules run by the server, viewers or not: every interval, read the gateway afresh, find the
 * groups each rule makes due, read the gateway once more and delete only those not pushed since.
 * A rule that matches more groups than its cap deletes none of them that run.
 */
import { groupPath } from '../../core/group-path.js';
import { formatMatchers } from '../../core/matchers';
import type { Group } from '../../core/metrics-types';
import { dueAt, formatSpan, type IntervalOf, type PruneRule } from '../../core/prune';
import type { RuleRun } from '../../core/wire/rules';
import type { PruneConfig } from '../config';
import type { GatewayModel } from '../state/model';

export type GroupResult =
  | 'deleted'
  | 'would delete'
  | 'kept (pushed again)'
  | 'already gone'
  | 'failed'
  /** A dry run's group that was due at the last run and is not any more. */
  | 'no longer due';

export type { RuleRun };

export interface RunReport {
  startedAt: number;
  finishedAt: number;
  outcome: 'success' | 'failed' | 'over_limit';
  /** Why the run could not look at the gateway at all. */
  error?: string;
  rules: RuleRun[];
}

export interface PruneEvents {
  /** What the run has to say beyond single groups: a rule over its limit, an unreadable gateway. */
  line: (text: string) => void;
  /** One group acted on (deleted, kept, failed, or would be deleted in a dry run). */
  acted: (action: Action) => void;
  run?: (report: RunReport) => void;
  configured?: (config: PruneConfig | undefined) => void;
}

export interface PrunerOptions {
  model: GatewayModel;
  /**
   * Deletes one group on its gateway (with several, the one `group.gateway` names); rejects with
   * the gateway's error.
   */
  deleteGroup: (path: string, group: Group) => Promise<unknown>;
  dryRun?: boolean;
  events: PruneEvents;
  now?: () => number;
  /** Each group's usual or expected interval, for `late_for` (see server/history/). */
  intervalOf?: IntervalOf;
}

export interface Action {
  rule: PruneRule;
  group: Group;
  result: GroupResult;
  /** Why it failed. */
  detail?: string;
  /** The time of the run, to tell the group's age. */
  nowSeconds: number;
}

interface Candidate {
  rule: PruneRule;
  group: Group;
}

/**
 * `prune: rule=ci-branches match={…} selector={job="ci_a", branch="x"} last_push=1d 2h ago result=deleted`,
 * with `gateway=eu-1` after the selector when there are several gateways.
 */
export function auditLine({ rule, group, nowSeconds, result, detail }: Action): string {
  const last = Math.max(group.pushTime, group.failureTime);
  const gateway = group.gateway !== undefined ? ` gateway=${group.gateway}` : '';
  return (
    `prune: rule=${rule.name} match=${formatMatchers(rule.matchers)} selector=${group.selector}${gateway} ` +
    `last_push=${formatSpan(nowSeconds - last)} ago result=${result}${detail ? ` (${detail})` : ''}`
  );
}

/** `1 group`, `3 groups`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export class Pruner {
  private config: PruneConfig | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunReport> | undefined;
  /** Stopped with the server: a run still going does not schedule another. */
  private stopped = false;
  last: RunReport | undefined;
  nextRun: number | undefined;

  constructor(private readonly options: PrunerOptions) {}

  get rules(): readonly PruneRule[] {
    return this.config?.rules ?? [];
  }

  get settings(): PruneConfig | undefined {
    return this.config;
  }

  /** New rules (at start, or on SIGHUP): the next run follows the new interval. */
  configure(config: PruneConfig | undefined): void {
    this.config = config;
    this.stopped = false;
    this.options.events.configured?.(config);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextRun = undefined;
  }

  private schedule(): void {
    this.cancel();
    if (this.stopped || !this.config || this.config.rules.length === 0) return;
    const delay = this.config.intervalMs;
    this.nextRun = this.now() + delay;
    this.timer = setTimeout(() => void this.run().finally(() => this.schedule()), delay);
    this.timer.unref?.();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The error of the last read of this gateway, when the model follows several. */
  private gatewayError(gateway: string | undefined): string | undefined {
    if (gateway === undefined) return undefined;
    const status = this.options.model.status.gateways?.find((g) => g.name === gateway);
    return status?.error?.message;
  }

  /** One run of every rule (the scheduled one, or `pushboard prune`'s only one). */
  run(): Promise<RunReport> {
    this.running ??= this.evaluate().finally(() => (this.running = undefined));
    return this.running;
  }

  private async evaluate(): Promise<RunReport> {
    const { model, events } = this.options;
    const config = this.config;
    const startedAt = this.now();
    const finish = (report: Omit<RunReport, 'startedAt' | 'finishedAt'>): RunReport => {
      const full = { startedAt, finishedAt: this.now(), ...report };
      this.last = full;
      events.run?.(full);
      return full;
    };
    if (!config || config.rules.length === 0) return finish({ outcome: 'success', rules: [] });

    await model.pollNow();
    if (model.status.error) {
      events.line(`prune: run skipped: cannot read the gateway: ${model.status.error.message}`);
      return finish({ outcome: 'failed', error: model.status.error.message, rules: [] });
    }
    const nowSeconds = startedAt / 1000;
    const groups = model.snapshot().groups;
    const runs: RuleRun[] = [];
    const candidates: Candidate[] = [];
    const taken = new Set<string>();
    for (const rule of config.rules) {
      const due = groups.filter((g) => {
        const at = dueAt(g, rule, this.options.intervalOf);
        return at !== null && at <= nowSeconds;
      });
      const run: RuleRun = { rule: rule.name, matching: due.length, deleted: 0, kept: 0, failed: 0 };
      runs.push(run);
      if (due.length > config.maxDeletesPerRun) {
        run.overLimit = { matching: due.length, limit: config.maxDeletesPerRun };
        events.line(
          `prune: rule=${rule.name} match=${formatMatchers(rule.matchers)} matches ${plural(due.length, 'group')}, ` +
            `over its limit of ${config.maxDeletesPerRun} (max_deletes_per_run): deleted none`,
        );
        continue;
      }
      for (const group of due) {
        // A group due by several rules is deleted once, by the first.
        if (taken.has(group.key)) continue;
        taken.add(group.key);
        candidates.push({ rule, group });
      }
    }

    if (candidates.length > 0) {
      // Read the gateway once more: a group pushed since the first read is kept.
      await model.pollNow();
      const reread = !model.status.error;
      for (const { rule, group } of candidates) {
        const run = runs.find((r) => r.rule === rule.name)!;
        const result = await this.act(rule, group, reread, nowSeconds);
        if (result.result === 'deleted') run.deleted++;
        else if (result.result === 'kept (pushed again)') run.kept++;
        else if (result.result === 'failed') run.failed++;
        events.acted({ rule, group, nowSeconds, ...result });
      }
      // Every viewer sees the result at once.
      if (runs.some((r) => r.deleted > 0)) void model.pollNow();
    }
    const outcome = runs.some((r) => r.failed > 0)
      ? 'failed'
      : runs.some((r) => r.overLimit)
        ? 'over_limit'
        : 'success';
    return finish({ outcome, rules: runs });
  }

  private async act(
    rule: PruneRule,
    group: Group,
    reread: boolean,
    nowSeconds: number,
  ): Promise<{ result: GroupResult; detail?: string }> {
    if (!reread)
      return {
        result: 'failed',
        detail: `could not read the gateway again: ${this.options.model.status.error?.message}`,
      };
    // With several gateways the overall status is fine while one is down; its groups are then
    // as of its last good read, which cannot tell whether they were pushed since.
    const down = this.gatewayError(group.gateway);
    if (down !== undefined)
      return { result: 'failed', detail: `could not read the gateway ${group.gateway} again: ${down}` };
    const current = this.options.model.group(group.key);
    if (!current) return { result: 'already gone' };
    const at = dueAt(current, rule, this.options.intervalOf);
    if (
      current.pushTime !== group.pushTime ||
      current.failureTime !== group.failureTime ||
      at === null ||
      at > nowSeconds
    ) {
      return { result: 'kept (pushed again)' };
    }
    if (this.options.dryRun) return { result: 'would delete' };
    try {
      await this.options.deleteGroup(groupPath(current.labels), current);
      return { result: 'deleted' };
    } catch (error) {
      return { result: 'failed', detail: (error as Error).message };
    }
  }
}
