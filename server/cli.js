#!/usr/bin/env node
// @ts-check
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { createApp } from './app.js';
import { EMBEDDED_GATEWAY_URL, probeGateway, startGateway } from './local-gateway.js';
import { parseGatewayUrl, parseListen } from './options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const program = new Command('pushboard')
  .description('Serve the Pushboard dashboard in front of a Prometheus Pushgateway.')
  .option(
    '--gateway <url>',
    `the Pushgateway's address (env PUSHGATEWAY_URL); without one, use ${EMBEDDED_GATEWAY_URL} or start a local prometheus-pushgateway there`,
    wrap(parseGatewayUrl),
  )
  .option('--listen <host:port>', 'where to listen (env HOST and PORT)', wrap(parseListen))
  .option('--read-only', 'hide every destructive action in the app and refuse changes to the gateway', false)
  .option('--dist <dir>', 'the built app to serve', path.join(root, 'dist'))
  .addHelpText(
    'after',
    `
Examples:
  pushboard                                   # embedded default gateway, http://localhost:8080
  PUSHGATEWAY_URL=http://127.0.0.1:9091 PORT=8080 npm start
  pushboard --gateway http://gw:9091 --listen 0.0.0.0:8080`,
  );

/**
 * @template T
 * @param {(value: string) => T} parse
 * @returns {(value: string) => T}
 */
function wrap(parse) {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError(/** @type {Error} */ (error).message);
    }
  };
}

/** @param {string} message */
function fail(message) {
  console.error(`pushboard: ${message}`);
  process.exit(1);
}

async function main() {
  program.parse();
  const opts = program.opts();
  /** @type {URL | undefined} */
  let gatewayUrl = opts.gateway;
  /** @type {{host: string, port: number}} */
  let listen = opts.listen;
  try {
    gatewayUrl ??= process.env.PUSHGATEWAY_URL ? parseGatewayUrl(process.env.PUSHGATEWAY_URL) : undefined;
    listen ??= parseListen(`${process.env.HOST || 'localhost'}:${process.env.PORT || '8080'}`);
  } catch (error) {
    fail(/** @type {Error} */ (error).message);
    return;
  }
  if (!existsSync(path.join(opts.dist, 'index.html'))) {
    fail(`no built app in ${opts.dist}: run "npm run build" first`);
  }

  /** @type {(() => Promise<void>) | undefined} */
  let stopGateway;
  if (!gatewayUrl) {
    const embedded = new URL(EMBEDDED_GATEWAY_URL);
    const found = await probeGateway(embedded);
    if (found === 'other') fail(`something other than a Pushgateway answers at ${embedded.href}: set PUSHGATEWAY_URL`);
    if (found === 'none') {
      try {
        const started = await startGateway({
          listen: '127.0.0.1:9091',
          dataDir: path.join(root, '.data'),
          log: console.log,
        });
        stopGateway = started.stop;
        gatewayUrl = started.url;
      } catch (error) {
        fail(/** @type {Error} */ (error).message);
      }
    }
    gatewayUrl ??= embedded;
  } else if ((await probeGateway(gatewayUrl)) !== 'gateway') {
    console.warn(
      `pushboard: warning: no Pushgateway answers at ${gatewayUrl.href} yet; the dashboard will say so until it does`,
    );
  }

  const app = createApp({ gatewayUrl, distDir: opts.dist, readOnly: opts.readOnly });
  const server = app.listen(listen.port, listen.host);
  server.once('error', (error) => {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    const where = `${listen.host}:${listen.port}`;
    fail(
      code === 'EADDRINUSE'
        ? `cannot listen on ${where}: the port is taken`
        : `cannot listen on ${where}: ${error.message}`,
    );
  });
  server.once('listening', () => {
    const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    console.log(
      `Pushboard on http://${host}:${listen.port}/ for the Pushgateway at ${gatewayUrl.href}${opts.readOnly ? ' (read-only)' : ''}`,
    );
  });
  const shutdown = async () => {
    server.close();
    server.closeAllConnections();
    await stopGateway?.();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();
