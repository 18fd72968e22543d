/**
 * Runs the server the command describes: finds (or starts) the gateway, builds the Pushboard
 * server, listens, re-reads --config on SIGHUP and stops on SIGINT and SIGTERM. main.ts imports
 * this only once the server is really to run, so --help, --version and a flag error answer without
 * loading Express, the proxy, YAML or RE2.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { maskCredentials } from '../core/redact.ts';
import { createHttpServer, createPushboard } from './app.ts';
import { packageRoot } from './build-info.ts';
import { fail, orFail, type CommandOptions } from './command.ts';
import { loadConfig } from './config.ts';
import type { ResolvedGateway } from './gateways.ts';
import { isLoopback } from './hosts.ts';
import { probeGateway, startGateway } from './local-gateway.ts';
import { DEFAULT_GATEWAY_NAME, DEFAULT_MAX_BODY_BYTES, EMBEDDED_GATEWAY_URL } from './options.ts';
import { publicAddress } from './proxy.ts';
import { serveSettings } from './serve-settings.ts';

/**
 * Where a gateway the command starts itself keeps its data: `.data` in a checkout, as always; for
 * an installed package (its folder not writable, e.g. after `sudo npm install -g`), `gateway/` in
 * the data directory, which is the user's.
 */
function embeddedGatewayDir(dataDir: string): string {
  try {
    accessSync(packageRoot, constants.W_OK);
    return path.join(packageRoot, '.data');
  } catch {
    return path.resolve(dataDir, 'gateway');
  }
}

/**
 * The gateways to follow, each probed: named ones that do not answer yet are warned about; with
 * none named, the embedded default one, started here when nothing answers at its address. Also
 * how to stop a gateway started here.
 */
async function reachGateways(
  named: ResolvedGateway[],
  dataDir: string,
): Promise<{ gateways: ResolvedGateway[]; stopGateway?: () => Promise<void> }> {
  if (named.length > 0) {
    await Promise.all(
      named.map(async (gateway) => {
        if ((await probeGateway(gateway.url, gateway.credentials)) === 'gateway') return;
        const which = named.length > 1 ? ` (${gateway.name})` : '';
        console.warn(
          `pushboard: warning: no Pushgateway answers at ${publicAddress(gateway.url)}${which} yet; the dashboard will say so until it does`,
        );
      }),
    );
    return { gateways: named };
  }
  const embedded = new URL(EMBEDDED_GATEWAY_URL);
  const found = await probeGateway(embedded);
  if (found === 'other') fail(`something other than a Pushgateway answers at ${embedded.href}: set PUSHGATEWAY_URL`);
  let url = embedded;
  let stopGateway: (() => Promise<void>) | undefined;
  if (found === 'none') {
    try {
      const started = await startGateway({
        listen: '127.0.0.1:9091',
        dataDir: embeddedGatewayDir(dataDir),
        log: console.log,
      });
      stopGateway = started.stop;
      url = started.url;
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return { gateways: [{ name: DEFAULT_GATEWAY_NAME, url, credentials: {} }], stopGateway };
}

export async function serve(opts: CommandOptions): Promise<void> {
  const settings = serveSettings(opts);
  const { listen, prometheus, configFile, config, dataDir } = settings;
  const { gateways, stopGateway } = await reachGateways(settings.gateways, dataDir);

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
      dataDir,
      idlePollIntervalMs: opts.idlePollInterval,
      rhythms: { factor: opts.overdueFactor, refreshMs: opts.cadenceRefreshInterval },
      exportGroupHealth: opts.exportGroupHealth,
      config,
      prometheus: prometheus
        ? {
            ...prometheus,
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
    const where = `${listen.host}:${listen.port}`;
    await stopGateway?.();
    fail(
      error.code === 'EADDRINUSE'
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
