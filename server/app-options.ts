/** What the Pushboard server is built from: the flags and config file of `pushboard`, as values. */
import type { Config, PruneConfig } from './config.ts';
import type { Expectation } from './history/expectations.ts';
import type { PrometheusOptions } from './prometheus/prometheus-view.ts';
import type { GatewayCredentials } from './proxy.ts';

/** A gateway the server follows, by its name. */
export interface AppGateway {
  name: string;
  url: URL;
  credentials?: GatewayCredentials;
}

export interface AppOptions {
  /** the one gateway (with `credentials`); or give `gateways` */
  gatewayUrl?: URL;
  /** every gateway to follow, each by name; with more than one, their groups are merged, each gateway's API is proxied under `-/gateways/NAME/` and none at the root */
  gateways?: AppGateway[];
  /** the built app */
  distDir: string;
  /** hide destructive actions and refuse changes */
  readOnly?: boolean;
  /** serve everything under this path, e.g. "/pushboard" */
  routePrefix?: string;
  /** CSP frame-ancestors; "'none'" by default */
  frameAncestors?: string;
  /** the app's default staleness threshold */
  staleThreshold?: string;
  /** the app's default refresh interval */
  pollIntervalMs?: number;
  credentials?: GatewayCredentials;
  /** where the server listens: decides the default allowed hosts */
  listenHost?: string;
  /** more accepted Host names (`*` for any) */
  allowedHosts?: string[];
  /** believe X-Forwarded-Host from a reverse proxy in front */
  trustProxy?: boolean;
  /** the largest change body passed on to the gateway */
  maxBodyBytes?: number;
  /** how often the server polls the gateway for its viewers (the `--poll-interval`; 5 s by default) */
  serverPollIntervalMs?: number;
  /** open event streams in all (`--max-streams`), beyond which 429 */
  maxStreams?: number;
  /** open event streams per client address (`--max-streams-per-client`) */
  maxStreamsPerClient?: number;
  /** the event stream's heartbeat (15 s; tests shorten it) */
  streamHeartbeatMs?: number;
  /** prune rules (the `prune:` section of --config) */
  prune?: PruneConfig;
  /** the --config file as read at start-up (a reload may change its rules, never its gateways); by default, one holding `prune` alone */
  config?: Config;
  /** evaluate and report the prune rules, never delete */
  pruneDryRun?: boolean;
  /** the Prometheus that scrapes the gateway, read by the server alone */
  prometheus?: PrometheusOptions;
  /** where the push history is kept (`--data-dir`); without it, in memory only */
  dataDir?: string;
  /** how often the server reads the gateway with no viewer (`--idle-poll-interval`) */
  idlePollIntervalMs?: number;
  /** written expectations (`expect:` of --config) */
  expect?: Expectation[];
  /** the overdue factor, and how often the page asks for the rhythms again (`--overdue-factor`, `--cadence-refresh-interval`) */
  rhythms?: { factor?: number; refreshMs?: number };
  /** each group's health at /-/pushboard/metrics (`--export-group-health`); the server then polls at its poll interval with nobody watching */
  exportGroupHealth?: boolean;
  log?: (line: string) => void;
}

/** The gateways the options name: `gateways`, else the one `gatewayUrl`; at least one. */
export function appGateways(options: AppOptions): AppGateway[] {
  const gateways =
    options.gateways ??
    (options.gatewayUrl ? [{ name: 'default', url: options.gatewayUrl, credentials: options.credentials }] : []);
  if (gateways.length === 0) throw new Error('a Pushboard server needs a gateway');
  if (gateways.length > 1 && options.prometheus) {
    throw new Error('--prometheus works with one gateway only for now: give a single --gateway');
  }
  return gateways;
}
