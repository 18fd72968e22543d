/**
 * What the command's options mean for the server: where it listens, the gateways it follows (from
 * the flags, PUSHGATEWAY_URL or --config) with their credentials, the Prometheus it reads and the
 * configuration file's content. Each check fails the command with one line, in the order a person
 * would fix them; nothing is started here (serve.ts starts the server).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fail, orFail, type CommandOptions } from './command.ts';
import { loadConfig, type Config } from './config.ts';
import { resolveGateways, type ResolvedGateway } from './gateways.ts';
import { parseGatewayFlags, parseListen, parseServiceUrl } from './options.ts';
import { checkCredentialFiles, type GatewayCredentials } from './proxy.ts';

export interface ServeSettings {
  listen: { host: string; port: number };
  /** The gateways the command names; none means the embedded default one (serve.ts finds or starts it). */
  gateways: ResolvedGateway[];
  prometheus?: { url: URL; credentials: GatewayCredentials };
  /** The --config file, if any, and what it holds (empty without one). */
  configFile?: string;
  config: Config;
  /** Where the push history is kept (and an installed package's own gateway its data). */
  dataDir: string;
}

/** systemd's StateDirectory= (the first, when it names several), else ./data as Prometheus' data/. */
function defaultDataDir() {
  const state = process.env.STATE_DIRECTORY?.split(':')[0];
  return state || 'data';
}

/** The server's settings from the command's options and environment, or the command fails. */
export function serveSettings(opts: CommandOptions): ServeSettings {
  const gatewayFlags = opts.gateway;
  const flagged = orFail(() => parseGatewayFlags(gatewayFlags));
  const listen =
    opts.listen ?? orFail(() => parseListen(`${process.env.HOST || 'localhost'}:${process.env.PORT || '8080'}`));
  if (!existsSync(path.join(opts.dist, 'index.html'))) fail(`no built app in ${opts.dist}: run "npm run build" first`);
  const credentials: GatewayCredentials = {
    basicAuthFile: opts.gatewayBasicAuthFile,
    caFile: opts.gatewayCaFile,
    insecureSkipVerify: opts.gatewayInsecureSkipVerify,
  };
  const prometheusCredentials: GatewayCredentials = {
    basicAuthFile: opts.prometheusBasicAuthFile,
    caFile: opts.prometheusCaFile,
    insecureSkipVerify: opts.prometheusInsecureSkipVerify,
  };
  orFail(() => checkCredentialFiles(prometheusCredentials));
  const prometheusUrl = opts.prometheus ? orFail(() => parseServiceUrl(opts.prometheus!, 'prometheus')) : undefined;
  if (!prometheusUrl) {
    const needing = (
      [
        ['--cadence-window', opts.cadenceWindow],
        ['--prometheus-job', opts.prometheusJob],
      ] as const
    )
      .filter(([, value]) => value !== undefined)
      .map(([flag]) => flag);
    if (needing.length) fail(`${needing.join(', ')} ${needing.length === 1 ? 'needs' : 'need'} --prometheus`);
  }
  const configFile = opts.config;
  const gatewayNames = flagged.named ? flagged.gateways.map((g) => g.name) : undefined;
  const config = configFile ? orFail(() => loadConfig(configFile, { gatewayNames })) : {};
  const gateways = orFail(() =>
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
  return {
    listen,
    gateways,
    ...(prometheusUrl ? { prometheus: { url: prometheusUrl, credentials: prometheusCredentials } } : {}),
    ...(configFile ? { configFile } : {}),
    config,
    dataDir: opts.dataDir ?? defaultDataDir(),
  };
}
