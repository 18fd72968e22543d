import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { buildInfo, packageRoot } from './build-info.ts';
import { isLoopback, parseAllowedHosts } from './hosts.ts';
import {
  DEFAULT_MAX_BODY_BYTES,
  EMBEDDED_GATEWAY_URL,
  DEFAULT_GATEWAY_NAME,
  parseGatewayFlags,
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
import { surviveClosedOutput } from './output-closed.ts';

const root = packageRoot;

/**
 * @template T
 */
const checked =
  <T>(parse: (value: string) => T): ((value: string) => T) =>
  (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

const program = new Command('pushboard')
  .description('Serve the Pushboard dashboard in front of a Prometheus Pushgateway.')
  // Parsed after the command line, not by commander, whose error would repeat a credential in it.
  .option(
    '--gateway <url>',
    `the Pushgateway's address, with its route prefix if any (env PUSHGATEWAY_URL); without one, use ${EMBEDDED_GATEWAY_URL} or start a local prometheus-pushgateway there. Repeat it as NAME=URL to follow several gateways in one view (or list them under gateways: in --config); a NAME holds letters, digits, "-", "_" and ".", and is unique without regard to case`,
    (value, /** @type {string[]} */ previous: string[]) => [...previous, value],
    /** @type {string[]} */ [],
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
  .option('--dist <dir>', 'the built app to serve', path.join(root, 'dist'))
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

/** systemd's StateDirectory= (the first, when it names several), else ./data as Prometheus' data/. */
function defaultDataDir() {
  const state = process.env.STATE_DIRECTORY?.split(':')[0];
  return state || 'data';
}

/**
 * Where a gateway the command starts itself keeps its data: `.data` in a checkout, as always; for
 * an installed package (its folder not writable, e.g. after `sudo npm install -g`), `gateway/` in
 * the data directory, which is the user's.
 */
function embeddedGatewayDir(dataDir: string): string {
  try {
    accessSync(root, constants.W_OK);
    return path.join(root, '.data');
  } catch {
    return path.resolve(dataDir, 'gateway');
  }
}

function fail(message: string): never {
  console.error(`pushboard: ${maskCredentials(message)}`);
  process.exit(1);
}

function orFail<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    fail((error as Error).message);
  }
}

async function main() {
  if (process.argv[2] === 'prune') {
    const { pruneCommand } = await import('./prune/cli.ts');
    process.exit(await pruneCommand(process.argv.slice(3)));
  }
  program.parse();
  const opts = program.opts();
  if (opts.version) {
    const { version, commit } = buildInfo();
    console.log(`pushboard ${version} (commit ${commit})`);
    return;
  }
  surviveClosedOutput();
  // The server's parts (Express, the proxy, YAML, RE2) load only once it is really to run:
  // --help, --version and a flag error answer without them.
  const [{ createPushboard, createHttpServer }, { loadConfig }, { probeGateway, startGateway }, gatewaysModule, proxy] =
    await Promise.all([
      import('./app.ts'),
      import('./config.ts'),
      import('./local-gateway.ts'),
      import('./gateways.ts'),
      import('./proxy.ts'),
    ]);
  const { resolveGateways } = gatewaysModule;
  const { checkCredentialFiles, publicAddress } = proxy;
  /** @type {string[]} */
  const gatewayFlags: string[] = opts.gateway;
  const flagged = orFail(() => parseGatewayFlags(gatewayFlags));
  /** @type {{host: string, port: number}} */
  const listen: { host: string; port: number } =
    opts.listen ?? orFail(() => parseListen(`${process.env.HOST || 'localhost'}:${process.env.PORT || '8080'}`));
  if (!existsSync(path.join(opts.dist, 'index.html'))) fail(`no built app in ${opts.dist}: run "npm run build" first`);
  const credentials = {
    basicAuthFile: opts.gatewayBasicAuthFile,
    caFile: opts.gatewayCaFile,
    insecureSkipVerify: opts.gatewayInsecureSkipVerify,
  };
  const prometheusCredentials = {
    basicAuthFile: opts.prometheusBasicAuthFile,
    caFile: opts.prometheusCaFile,
    insecureSkipVerify: opts.prometheusInsecureSkipVerify,
  };
  orFail(() => checkCredentialFiles(prometheusCredentials));
  /** @type {URL | undefined} */
  const prometheusUrl: URL | undefined = opts.prometheus
    ? orFail(() => parseServiceUrl(opts.prometheus, 'prometheus'))
    : undefined;
  if (!prometheusUrl) {
    const needing = ['cadenceWindow', 'prometheusJob']
      .filter((name) => opts[name] !== undefined && opts[name] !== false)
      .map((name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    if (needing.length) fail(`${needing.join(', ')} ${needing.length === 1 ? 'needs' : 'need'} --prometheus`);
  }
  /** @type {string | undefined} */
  const configFile: string | undefined = opts.config;
  const gatewayNames = flagged.named
    ? flagged.gateways.map((/** @type {{name: string}} */ g: { name: string }) => g.name)
    : undefined;
  const config = configFile ? orFail(() => loadConfig(configFile, { gatewayNames })) : {};
  /** @type {Array<{ name: string, url: URL, credentials: import('./proxy.ts').GatewayCredentials }>} */
  let gateways: Array<{ name: string; url: URL; credentials: import('./proxy.ts').GatewayCredentials }> = orFail(() =>
    resolveGateways({
      flagValues: gatewayFlags,
      env: process.env.PUSHGATEWAY_URL,
      config,
      flagCredentials: credentials,
    }),
  );
  for (const gateway of gateways) {
    orFail(() => checkCredentialFiles(gateway.credentials));
  }

  /** @type {(() => Promise<void>) | undefined} */
  let stopGateway: (() => Promise<void>) | undefined;
  if (gateways.length === 0) {
    const embedded = new URL(EMBEDDED_GATEWAY_URL);
    const found = await probeGateway(embedded);
    if (found === 'other') fail(`something other than a Pushgateway answers at ${embedded.href}: set PUSHGATEWAY_URL`);
    let url = embedded;
    if (found === 'none') {
      try {
        const started = await startGateway({
          listen: '127.0.0.1:9091',
          dataDir: embeddedGatewayDir(opts.dataDir ?? defaultDataDir()),
          log: console.log,
        });
        stopGateway = started.stop;
        url = started.url;
      } catch (error) {
        fail((error as Error).message);
      }
    }
    gateways = [{ name: DEFAULT_GATEWAY_NAME, url, credentials: {} }];
  } else {
    await Promise.all(
      gateways.map(async (gateway) => {
        if ((await probeGateway(gateway.url, gateway.credentials)) === 'gateway') return;
        const which = gateways.length > 1 ? ` (${gateway.name})` : '';
        console.warn(
          `pushboard: warning: no Pushgateway answers at ${publicAddress(gateway.url)}${which} yet; the dashboard will say so until it does`,
        );
      }),
    );
  }

  const pushboard = orFail(() =>
    createPushboard({
      gateways,
      distDir: opts.dist,
      readOnly: opts.readOnly,
      routePrefix: opts.routePrefix,
      frameAncestors: opts.frameAncestors,
      staleThreshold: opts.staleThreshold,
      pollIntervalMs: opts.pollInterval,
      listenHost: listen.host,
      allowedHosts: opts.allowedHosts,
      trustProxy: opts.trustProxy,
      maxBodyBytes: opts.maxBodySize ?? DEFAULT_MAX_BODY_BYTES,
      maxStreams: opts.maxStreams,
      maxStreamsPerClient: opts.maxStreamsPerClient,
      prune: config.prune,
      expect: config.expect,
      dataDir: opts.dataDir ?? defaultDataDir(),
      idlePollIntervalMs: opts.idlePollInterval,
      rhythms: { factor: opts.overdueFactor, refreshMs: opts.cadenceRefreshInterval },
      exportGroupHealth: opts.exportGroupHealth,
      config,
      prometheus: prometheusUrl
        ? {
            url: prometheusUrl,
            credentials: prometheusCredentials,
            job: opts.prometheusJob,
            externalUrl: opts.prometheusExternalUrl,
            health: {
              window: opts.cadenceWindow ?? '604800s',
              refreshMs: opts.cadenceRefreshInterval ?? 60_000,
              factor: opts.overdueFactor ?? 2,
              export: opts.exportGroupHealth,
            },
          }
        : undefined,
      pruneDryRun: opts.pruneDryRun,
    }),
  );
  const describeRules = () => {
    const n = pushboard.pruner.rules.length;
    const e = pushboard.rhythms.expectationCount;
    return (
      `${n} prune rule${n === 1 ? '' : 's'}${n && opts.pruneDryRun ? ' (dry run: nothing is deleted)' : ''}, ` +
      `${e} expectation${e === 1 ? '' : 's'}`
    );
  };
  console.log(`push history: ${pushboard.history.store.file ?? 'in memory only'}`);
  if (configFile) console.log(`config: ${configFile}: ${describeRules()}`);
  // As Prometheus does: SIGHUP re-reads the configuration. A bad file, one that changes the
  // gateways, or one without rules while rules run, is refused and the configuration kept.
  process.on('SIGHUP', () => {
    if (!configFile) return console.log('config: SIGHUP ignored: no --config file');
    const names = gateways.map((g) => g.name);
    const done = pushboard.reloads.reload(() => loadConfig(configFile, { gatewayNames: names }));
    if (done.outcome === 'success') return console.log(`config: reloaded ${configFile}: ${describeRules()}`);
    console.error(
      maskCredentials(
        `config: warning: not reloaded, keeping the configuration in force (${describeRules()}): ${done.reason}`,
      ),
    );
  });
  const server = createHttpServer(pushboard, { frameAncestors: opts.frameAncestors });
  server.listen(listen.port, listen.host);
  server.once('error', async (error: NodeJS.ErrnoException) => {
    const code = /** @type {NodeJS.ErrnoException} */ error.code;
    const where = `${listen.host}:${listen.port}`;
    await stopGateway?.();
    fail(
      code === 'EADDRINUSE'
        ? `cannot listen on ${where}: the port is taken`
        : `cannot listen on ${where}: ${error.message}`,
    );
  });
  server.once('listening', () => {
    const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    const where = `http://${host}:${listen.port}${opts.routePrefix}/`;
    const followed =
      gateways.length === 1
        ? `the Pushgateway at ${publicAddress(gateways[0].url)}`
        : `${gateways.length} Pushgateways: ${gateways.map((g) => `${g.name} at ${publicAddress(g.url)}`).join(', ')}`;
    console.log(`Pushboard on ${where} for ${followed}${opts.readOnly ? ' (read-only)' : ''}`);
    if (!isLoopback(listen.host) && !opts.allowedHosts) {
      console.log(
        'Pushboard answers to IP addresses and localhost only: name the hosts people use with --allowed-hosts',
      );
    }
  });
  const shutdown = async () => {
    // The push history's last write, before the process exits.
    pushboard.history.stop();
    server.close();
    server.closeAllConnections();
    await stopGateway?.();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();
