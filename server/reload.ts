/**
 * Re-reading `--config` on SIGHUP, as Prometheus does, with rules for what a reload may change:
 *
 * - It may change the rules and expectations (every section listed in `CHANGEABLE`), never the set of
 *   gateways: a file whose `gateways:` differs from the one the server started with (a section
 *   added, removed, or any gateway's name, URL or credentials changed) is refused as a whole. The
 *   gateways, their state and their proxies were made at start-up, and a rule scoped to a gateway
 *   the server does not run would otherwise be checked against names it never follows.
 * - A file that leaves a changeable section out (an empty file, a truncated one, one being
 *   written) while that section holds something in force is refused: it says "none" only when it
 *   says so explicitly (`prune: {rules: []}`).
 * - Every refusal keeps the configuration in force, is logged, counted in
 *   `pushboard_config_reloads_total{outcome="refused"}`, and shown on the Rules page.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ConfigReload } from '../core/wire/rules';
import type { Config, GatewayConfig } from './config';

/** A section a reload may change: how much of it is in force, and whether a file names it at all. */
interface Changeable {
  /** As messages name it: "prune rules". */
  what: string;
  /** How a file says it wants none. */
  none: string;
  count: (config: Config) => number;
  /** Whether the file has the section's list, even empty. */
  given: (config: Config) => boolean;
}

/** Add a section here and reloads treat it as they treat the rules. */
export const CHANGEABLE: Changeable[] = [
  {
    what: 'prune rules',
    none: 'prune: {rules: []}',
    count: (config) => config.prune?.rules.length ?? 0,
    given: (config) => config.prune?.rulesGiven === true,
  },
  {
    what: 'expectations',
    none: 'expect: []',
    count: (config) => config.expect?.length ?? 0,
    given: (config) => config.expect !== undefined,
  },
];

/** `gateways:` as a comparable text: names, URLs and credential files, in order. */
const gatewaysKey = (gateways: readonly GatewayConfig[] | undefined) =>
  gateways === undefined
    ? 'none'
    : JSON.stringify(
        gateways.map((g) => [
          g.name,
          g.url.href,
          g.credentials.basicAuthFile ?? null,
          g.credentials.caFile ?? null,
          g.credentials.insecureSkipVerify === true,
        ]),
      );

/** What changed between two `gateways:` sections, in a few words. */
function gatewaysChange(before: readonly GatewayConfig[] | undefined, after: readonly GatewayConfig[] | undefined) {
  if (!before) return 'it adds a gateways: section, which the server did not start with';
  if (!after) return 'it removes the gateways: section the server started with';
  const names = (list: readonly GatewayConfig[]) => list.map((g) => g.name);
  const added = names(after).filter((n) => !names(before).includes(n));
  const removed = names(before).filter((n) => !names(after).includes(n));
  const parts = [
    added.length ? `adds ${added.join(', ')}` : '',
    removed.length ? `removes ${removed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? `its gateways: ${parts.join(' and ')}` : 'it changes a gateway of the gateways: section';
}

/**
 * Why `next` cannot replace the configuration in force (`current`, whose `gateways:` is the
 * start-up file's), or undefined when it may.
 */
export function reloadProblem(current: Config, next: Config): string | undefined {
  if (gatewaysKey(current.gateways) !== gatewaysKey(next.gateways)) {
    return `${gatewaysChange(current.gateways, next.gateways)}: a reload may change rules and expectations, never the set of gateways (restart the server to change them)`;
  }
  for (const section of CHANGEABLE) {
    const inForce = section.count(current);
    if (inForce > 0 && !section.given(next)) {
      return `it holds no ${section.what}, while ${inForce} ${inForce === 1 ? 'is' : 'are'} in force: if there should be none, say so with ${section.none}`;
    }
  }
  return undefined;
}

/** The server's reloads: each checked, applied or refused, and counted. */
export class ConfigReloads {
  last: ConfigReload | null = null;
  private readonly total: Counter<'outcome'>;
  private readonly successful: Gauge;

  constructor(
    private current: Config,
    private readonly options: {
      registry: Registry;
      /** Puts a new configuration in force (the pruner's rules, and so on). */
      apply: (config: Config) => void;
      now?: () => number;
    },
  ) {
    this.total = new Counter({
      name: 'pushboard_config_reloads_total',
      help: 'Reloads of the configuration file (SIGHUP), by outcome: success, or refused (the file in force was kept).',
      labelNames: ['outcome'],
      registers: [options.registry],
    });
    this.successful = new Gauge({
      name: 'pushboard_config_last_reload_successful',
      help: 'Whether the last reload of the configuration file was applied (1) or refused (0).',
      registers: [options.registry],
    });
    for (const outcome of ['success', 'refused']) this.total.inc({ outcome }, 0);
    this.successful.set(1);
  }

  /**
   * Reads the file with `load` (which throws a ConfigError for a bad one) and applies it if it
   * may be; returns the outcome, whose reason says why not.
   */
  reload(load: () => Config): ConfigReload {
    let reason: string | undefined;
    try {
      const next = load();
      reason = reloadProblem(this.current, next);
      if (reason === undefined) {
        this.options.apply(next);
        this.current = next;
      }
    } catch (error) {
      reason = (error as Error).message;
    }
    const outcome: ConfigReload = {
      at: (this.options.now ?? Date.now)(),
      outcome: reason === undefined ? 'success' : 'refused',
      reason: reason ?? null,
    };
    this.total.inc({ outcome: outcome.outcome });
    this.successful.set(reason === undefined ? 1 : 0);
    this.last = outcome;
    return outcome;
  }
}
