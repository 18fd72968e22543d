/**
 * `pushboard prune`: one run of prune rules for cron and Kubernetes CronJobs, with the same exact
 * deletes, re-check and cap as the server's. Exit 0 when all went well, 1 when a delete failed, a
 * rule was over its limit or the gateway could not be read, 2 for bad usage or configuration.
 */
import { Command, CommanderError } from 'commander';
import { parseDuration } from '../../core/duration.js';
import '../regex-engine';
import { parseSelector } from '../../core/matchers';
import { formatSpan, type PruneRule } from '../../core/prune';
import { groupTitle } from '../../core/gateway-key';
import { maskCredentials } from '../../core/redact';
import { loadConfig, PRUNE_DEFAULTS, type Config, type PruneConfig } from '../config';
import { resolveGateways, type ResolvedGateway } from '../gateways';
import { parseGatewayFlags } from '../options.ts';
import { checkCredentialFiles } from '../proxy.ts';
import { gatewayClient } from '../state/fetch-gateway';
import { METRICS_PATH } from '../state/gateway-state';
import { MultiGatewayState } from '../state/multi-state';
import { Pruner, type Action } from './pruner';

class UsageError extends Error {}

const duration = (flag: string) => (value: string) => {
  const seconds = parseDuration(value);
  if (seconds === undefined) throw new UsageError(`${flag} "${value}" is not a duration (e.g. 30s, 5m, 2h30m, 7d)`);
  return seconds;
};

function command() {
  return new Command('pushboard prune')
    .description('Delete the groups that prune rules make due, once, and exit.')
    .option(
      '--gateway <url>',
      "the Pushgateway's address (env PUSHGATEWAY_URL); repeat it as NAME=URL for several, or list them under gateways: in --config",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--config <file>', 'run the prune rules of this pushboard.yml')
    .option('--match <selector>', 'or one rule: the groups to look at, e.g. \'{job=~"ci_.*", branch!="main"}\'')
    .option('--older-than <duration>', 'with --match: no push at all for this long, e.g. 24h')
    .option('--failing-for <duration>', 'with --match: the last push failed and none succeeded for this long')
    .option(
      '--max-deletes <n>',
      `with --match: delete nothing when more groups match (default ${PRUNE_DEFAULTS.maxDeletesPerRun})`,
    )
    .option('--dry-run', 'say what would be deleted, delete nothing', false)
    .option('--gateway-basic-auth-file <file>', 'a file with "user:password" for a gateway behind basic auth')
    .option('--gateway-ca-file <file>', 'a PEM file of the CA that signed an https gateway')
    .option('--gateway-insecure-skip-verify', "do not verify an https gateway's certificate", false)
    .addHelpText(
      'after',
      `
Exit status: 0 all went well; 1 a delete failed, a rule was over its limit, or the gateway could
not be read; 2 bad usage or configuration.

Examples:
  pushboard prune --gateway http://gw:9091 --match '{job=~"ci_.*"}' --older-than 24h --dry-run
  pushboard prune --gateway http://gw:9091 --config /etc/pushboard/pushboard.yml
  pushboard prune --config pushboard.yml      # its gateways: section names every gateway`,
    );
}

interface Options {
  gateway: string[];
  config?: string;
  match?: string;
  olderThan?: string;
  failingFor?: string;
  maxDeletes?: string;
  dryRun: boolean;
  gatewayBasicAuthFile?: string;
  gatewayCaFile?: string;
  gatewayInsecureSkipVerify: boolean;
}

function rulesFrom(opts: Options, config: Config | undefined): PruneConfig {
  const oneRule = opts.match !== undefined || opts.olderThan !== undefined || opts.failingFor !== undefined;
  if (opts.config && oneRule) throw new UsageError('give either --config or --match with its conditions, not both');
  if (opts.config) {
    const prune = config?.prune;
    if (!prune?.rules.length) throw new UsageError(`${opts.config} has no prune rules`);
    return prune;
  }
  if (opts.match === undefined)
    throw new UsageError('give --config FILE, or --match SELECTOR with --older-than or --failing-for');
  const parsed = parseSelector(opts.match);
  if (!parsed.ok) throw new UsageError(`--match: ${parsed.error}`);
  if (opts.olderThan === undefined && opts.failingFor === undefined) {
    throw new UsageError('--match needs a condition: --older-than, --failing-for or both');
  }
  const cap = opts.maxDeletes === undefined ? PRUNE_DEFAULTS.maxDeletesPerRun : Number(opts.maxDeletes);
  if (!Number.isInteger(cap) || cap < 1)
    throw new UsageError(`--max-deletes "${opts.maxDeletes}" is not a whole number ≥ 1`);
  const rule: PruneRule = {
    name: 'command-line',
    match: opts.match,
    matchers: parsed.matchers,
    ...(opts.olderThan !== undefined ? { olderThan: duration('--older-than')(opts.olderThan) } : {}),
    ...(opts.failingFor !== undefined ? { failingFor: duration('--failing-for')(opts.failingFor) } : {}),
  };
  return { intervalMs: PRUNE_DEFAULTS.intervalMs, maxDeletesPerRun: cap, rules: [rule] };
}

/** `deleted {job="ci_a", branch="x"} (rule ci-branches, last push 1d 2h ago)` */
export function actionLine({ rule, group, result, detail, nowSeconds }: Action): string {
  const age = `last push ${formatSpan(nowSeconds - Math.max(group.pushTime, group.failureTime))} ago`;
  switch (result) {
    case 'failed':
      return `failed to delete ${groupTitle(group)} (rule ${rule.name}, ${age}): ${detail ?? 'unknown error'}`;
    case 'kept (pushed again)':
      return `kept ${groupTitle(group)} (rule ${rule.name}, pushed again since)`;
    case 'already gone':
      return `gone ${groupTitle(group)} (rule ${rule.name}, deleted by someone else meanwhile)`;
    default:
      return `${result} ${groupTitle(group)} (rule ${rule.name}, ${age})`;
  }
}

/** Runs `pushboard prune` with these arguments (after "prune"); resolves to the exit status. */
export async function pruneCommand(args: string[], print = console.log, printErr = console.error): Promise<number> {
  // Nothing it prints repeats a URL's credentials: not its errors, nor the parser's, nor a label's value.
  const out = (line: string) => print(maskCredentials(line));
  const err = (line: string) => printErr(maskCredentials(line));
  const program = command().exitOverride();
  program.configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const opts = program.opts<Options>();
  let config: PruneConfig;
  let gateways: ResolvedGateway[];
  const credentials = {
    basicAuthFile: opts.gatewayBasicAuthFile,
    caFile: opts.gatewayCaFile,
    insecureSkipVerify: opts.gatewayInsecureSkipVerify,
  };
  try {
    const flagged = parseGatewayFlags(opts.gateway);
    const gatewayNames = flagged.named ? flagged.gateways.map((g) => g.name) : undefined;
    const file = opts.config ? loadConfig(opts.config, { gatewayNames }) : undefined;
    gateways = resolveGateways({
      flagValues: opts.gateway,
      env: process.env.PUSHGATEWAY_URL,
      config: file,
      flagCredentials: credentials,
    });
    if (gateways.length === 0) throw new UsageError('give the gateway: --gateway URL or PUSHGATEWAY_URL');
    for (const gateway of gateways) checkCredentialFiles(gateway.credentials);
    config = rulesFrom(opts, file);
  } catch (error) {
    // Usage, configuration and gateway URL errors alike (`err` masks any credential they repeat).
    err(`pushboard prune: ${(error as Error).message}`);
    return 2;
  }

  const clients = new Map(gateways.map((g) => [g.name, gatewayClient(g.url, g.credentials)]));
  const model = new MultiGatewayState({
    gateways: gateways.map(({ name }) => ({ name, fetchMetrics: () => clients.get(name)!.get(METRICS_PATH) })),
    intervalMs: config.intervalMs,
  });
  const only = gateways.length === 1 ? gateways[0]!.name : undefined;
  const counts = new Map<Action['result'], number>();
  const pruner = new Pruner({
    model,
    deleteGroup: (path, group) => clients.get(group.gateway ?? only ?? '')!.send('DELETE', path),
    dryRun: opts.dryRun,
    events: {
      line: err,
      acted: (action) => {
        counts.set(action.result, (counts.get(action.result) ?? 0) + 1);
        out(actionLine(action));
      },
    },
  });
  // Configured without its schedule: this is the only run.
  pruner.configure(config);
  pruner.stop();
  const report = await pruner.run();
  const n = (result: Action['result']) => counts.get(result) ?? 0;
  const deleted = opts.dryRun ? `${n('would delete')} would be deleted (dry run)` : `${n('deleted')} deleted`;
  out(`prune: ${deleted}, ${n('kept (pushed again)')} kept (pushed again), ${n('failed')} failed`);
  return report.outcome === 'success' ? 0 : 1;
}
