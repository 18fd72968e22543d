/**
 * The `pushboard` command line: its options, each checked as commander reads it, and its help.
 * What the options then mean for the server (the gateways, the configuration) is
 * serve-settings.ts's; running the server is serve.ts's; main.ts puts them together.
 */
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { packageRoot } from './build-info.ts';
import { parseAllowedHosts } from './hosts.ts';
import {
  DEFAULT_MAX_BODY_BYTES,
  EMBEDDED_GATEWAY_URL,
  parseServiceUrl,
  parseInterval,
  parseListen,
  parseRoutePrefix,
  parseSize,
  parseThreshold,
  parseFactor,
  parseWindow,
  parseCount,
} from './options.ts';
import { DEFAULT_STREAM_CAPS } from './state/stream-caps.ts';
import { maskCredentials } from '../core/redact.ts';
import { parseFrameAncestors } from './security.ts';

/** The options as commander hands them over, each already parsed by its check. */
export interface CommandOptions {
  gateway: string[];
  listen?: { host: string; port: number };
  routePrefix: string;
  readOnly: boolean;
  staleThreshold?: string;
  pollInterval?: number;
  frameAncestors: string;
  allowedHosts?: string[];
  trustProxy: boolean;
  maxBodySize?: number;
  maxStreams?: number;
  maxStreamsPerClient?: number;
  gatewayBasicAuthFile?: string;
  gatewayCaFile?: string;
  gatewayInsecureSkipVerify: boolean;
  prometheus?: string;
  prometheusJob?: string;
  prometheusBasicAuthFile?: string;
  prometheusCaFile?: string;
  prometheusInsecureSkipVerify: boolean;
  prometheusExternalUrl?: URL;
  cadenceWindow?: string;
  cadenceRefreshInterval?: number;
  overdueFactor?: number;
  dataDir?: string;
  idlePollInterval?: number;
  exportGroupHealth: boolean;
  config?: string;
  pruneDryRun: boolean;
  dist: string;
  version?: boolean;
}

/** A parser whose error commander reports as the option's ("argument … is invalid. <why>"). */
const checked =
  <T>(parse: (value: string) => T): ((value: string) => T) =>
  (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

/** The `pushboard` command (its `prune` subcommand is prune/cli.ts's). */
export function pushboardCommand(): Command {
  const command = new Command('pushboard')
    .description('Serve the Pushboard dashboard in front of a Prometheus Pushgateway.')
    // Parsed after the command line, not by commander, whose error would repeat a credential in it.
    .option(
      '--gateway <url>',
      `the Pushgateway's address, with its route prefix if any (env PUSHGATEWAY_URL); without one, use ${EMBEDDED_GATEWAY_URL} or start a local prometheus-pushgateway there. Repeat it as NAME=URL to follow several gateways in one view (or list them under gateways: in --config); a NAME holds letters, digits, "-", "_" and ".", and is unique without regard to case`,
      (value, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--listen <host:port>', 'where to listen (env HOST and PORT; default localhost:8080)', checked(parseListen))
    .option('--route-prefix <path>', 'serve everything under this path, e.g. /pushboard', checked(parseRoutePrefix), '')
    .option('--read-only', 'hide every destructive action in the app and refuse changes to the gateway', false)
    .option('--stale-threshold <duration>', 'the default staleness threshold, e.g. 1h', checked(parseThreshold))
    .option(
      '--poll-interval <duration>',
      'how often the server polls the gateway for its viewers, e.g. 5s (the app shows it)',
      checked(parseInterval),
    )
    .option(
      '--frame-ancestors <sources>',
      "who may show Pushboard in a frame: CSP sources such as 'self' https://grafana.example.com",
      checked(parseFrameAncestors),
      "'none'",
    )
    .option(
      '--allowed-hosts <names>',
      'comma-separated host names the server answers to besides localhost, 127.0.0.1 and [::1] (".example.com" for its subdomains, "*" for any); needed when people reach it by a DNS name',
      checked(parseAllowedHosts),
    )
    .option('--trust-proxy', 'believe X-Forwarded-Host from the reverse proxy in front of this server', false)
    .option(
      '--max-body-size <size>',
      `the largest push or undo passed on to the gateway, e.g. 32MB (default ${DEFAULT_MAX_BODY_BYTES / 1024 / 1024}MB)`,
      checked(parseSize),
    )
    .option(
      '--max-streams <n>',
      `the most event streams (open tabs) the server holds in all; beyond, 429 (default ${DEFAULT_STREAM_CAPS.total})`,
      checked(parseCount),
    )
    .option(
      '--max-streams-per-client <n>',
      `the most event streams from one client address (with --trust-proxy, the last X-Forwarded-For); beyond, 429 (default ${DEFAULT_STREAM_CAPS.perClient})`,
      checked(parseCount),
    )
    .option(
      '--gateway-basic-auth-file <file>',
      'a file with "user:password" for a gateway behind basic auth (a --gateway URL may not hold them)',
    )
    .option('--gateway-ca-file <file>', 'a PEM file of the CA that signed an https gateway')
    .option('--gateway-insecure-skip-verify', "do not verify an https gateway's certificate", false)
    .option('--prometheus <url>', 'the Prometheus that scrapes the gateway: the status page checks the scrape job')
    .option(
      '--prometheus-job <name>',
      "the gateway's scrape job in Prometheus, when Prometheus reaches it by another address",
    )
    .option('--prometheus-basic-auth-file <file>', 'a file with "user:password" for a Prometheus behind basic auth')
    .option('--prometheus-ca-file <file>', 'a PEM file of the CA that signed an https Prometheus')
    .option('--prometheus-insecure-skip-verify', "do not verify an https Prometheus' certificate", false)
    .option(
      '--prometheus-external-url <url>',
      "Prometheus' address as people's browsers reach it, for Open in Prometheus (default: --prometheus)",
      checked((v) => parseServiceUrl(v, 'prometheus')),
    )
    .option(
      '--cadence-window <duration>',
      "how much of Prometheus' history of push_time_seconds gives each group's usual interval (default 7d)",
      checked(parseWindow),
    )
    .option(
      '--cadence-refresh-interval <duration>',
      'how often the usual intervals are recomputed (and read from Prometheus) and the page asks for them again (default 1m)',
      checked(parseInterval),
    )
    .option(
      '--overdue-factor <n>',
      'a group is overdue (late) when its last successful push is older than n times its usual interval (default 2)',
      checked(parseFactor),
    )
    .option(
      '--data-dir <dir>',
      "where the server keeps each group's push history (history.json) across restarts (default: $STATE_DIRECTORY, else ./data)",
    )
    .option(
      '--idle-poll-interval <duration>',
      'how often the server reads the gateway while no viewer is connected, to keep the push history (default 1m)',
      checked(parseInterval),
    )
    .option(
      '--export-group-health',
      "expose each group's last successful push, usual or expected interval, late state and failed push at /-/pushboard/metrics; the server then polls the gateway at --poll-interval with nobody watching",
      false,
    )
    .option(
      '--config <file>',
      'a pushboard.yml with gateways, prune rules and expectations (expect:); SIGHUP re-reads its prune rules and expectations (a file that is invalid, changes the gateways, or leaves out the rules or expectations while some are in force is refused and the old ones kept; gateways change on restart)',
    )
    .option('--prune-dry-run', 'evaluate and report the prune rules, but never delete', false)
    .option('--dist <dir>', 'the built app to serve', path.join(packageRoot, 'dist'))
    .option('--version', 'print the version and the commit it was built from, and exit')
    // The parser's own errors repeat the bad value: never a credential in it.
    .configureOutput({ outputError: (text, write) => write(maskCredentials(text)) })
    .addHelpText(
      'after',
      `
Credentials stay on this server: the browser never sees them, and no log line or answer holds
them. Listening on loopback (the default), only Host localhost, 127.0.0.1 and [::1] is answered;
listening on another address, IP addresses too. Name every other host with --allowed-hosts.

One run of prune rules for cron or a Kubernetes CronJob: pushboard prune --help.

Examples:
  pushboard                                   # embedded default gateway, http://localhost:8080
  PUSHGATEWAY_URL=http://127.0.0.1:9091 PORT=8080 npm start
  pushboard --gateway http://gw:9091 --listen 0.0.0.0:8080 --allowed-hosts pushboard.example.com --read-only
  pushboard --gateway https://gw.example.com/pgw/ --gateway-ca-file ca.pem --gateway-basic-auth-file auth
  pushboard --gateway eu-1=http://gw-eu:9091 --gateway us-1=http://gw-us:9091   # several gateways, one view`,
    );
  return command;
}

/** Ends the command with one line on standard error, without a credential in it. */
export function fail(message: string): never {
  console.error(`pushboard: ${maskCredentials(message)}`);
  process.exit(1);
}

/** `fn`'s value, or the command ends with the message of what it threw. */
export function orFail<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    fail((error as Error).message);
  }
}
