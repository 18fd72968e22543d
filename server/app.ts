/**
 * The Pushboard server, built by plain composition: the services it runs (services.ts), and an
 * Express app whose routes, each feature's in its own module (routes/), are handed the services
 * they serve. `createPushboard` returns an object that has the app and the services; nothing is
 * hung on the app itself.
 *
 * Every request is decided once, in this order: allowed host, one parse of its target, method,
 * read-only and cross-site gates, then the route (health, config, gateway path, static file).
 */
import http from 'node:http';
import express, { type Express } from 'express';
import { maskCredentials } from '../core/redact.ts';
import { appGateways, type AppOptions } from './app-options.ts';
import { DEFAULT_MAX_BODY_BYTES } from './options.ts';
import { securityHeaderList, securityHeaders } from './security.ts';
import { createServices, type Services } from './services.ts';
import { errorAnswer, hostGate, notFound, prefixRedirect, requestGate } from './routes/gates.ts';
import { gatewayRoutes } from './routes/gateways.ts';
import { historyRoutes } from './routes/history.ts';
import { appConfig, configRoutes, pageRoutes } from './routes/page.ts';
import { prometheusRoutes } from './routes/prometheus.ts';
import { checkRoutes, rulesRoutes } from './routes/rules.ts';
import { refreshRoutes, streamRoutes } from './routes/state.ts';
import { WIRE_HEADER, WIRE_VERSION } from '../core/wire/version.ts';

export { isProxied, PROXIED_PATHS } from './proxy.ts';
export { REFRESH_PATH } from './routes/gates.ts';
export { GATEWAYS_PATH } from './routes/gateways.ts';
export { DEFAULT_MAX_BODY_BYTES };
export type { AppGateway, AppOptions } from './app-options.ts';

/** The HTTP app and the services it is built on, which the server's owner stops with `close`. */
export interface PushboardServer {
  /** the Express app: every route, nothing more */
  app: Express;
  /** the gateways' state (the model the stream, the history and the rules read) */
  state: Services['state']['model'];
  pruner: Services['pruner'];
  reloads: Services['reloads'];
  health: Services['health'];
  history: Services['history'];
  rhythms: Services['rhythms'];
  /** stops every service: the gateways' readers, the rules, the history (its last write), Prometheus' reads */
  close(): void;
}

/** The Pushboard server: the built dashboard, its config.json, the gateway's API proxied, and what serves them. */
export function createPushboard(options: AppOptions): PushboardServer {
  const {
    distDir,
    readOnly = false,
    routePrefix = '',
    frameAncestors = "'none'",
    trustProxy = false,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    log: rawLog = console.log,
  } = options;
  // Every line the server logs (changes, prune audits, errors) without a URL's credentials in it.
  const log = (line: string) => rawLog(maskCredentials(line));
  const gateways = appGateways(options);
  const services = createServices(options, gateways, log);
  const { state } = services;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders({ frameAncestors }));
  app.use(hostGate({ listenHost: options.listenHost, allowedHosts: options.allowedHosts, trustProxy, log }));
  app.use(requestGate({ readOnly, routePrefix, trustProxy, log }));

  // Case-sensitive, as the gateway's own paths are: `-/gateways/EU/` is not `-/gateways/eu/`.
  const router = express.Router({ caseSensitive: true });
  // Every answer of Pushboard's own says which wire protocol it speaks (core/wire/version.ts).
  router.use((req, res, next) => {
    if (req.path.startsWith('/-/pushboard/') || req.path === '/config.json') res.setHeader(WIRE_HEADER, WIRE_VERSION);
    next();
  });
  streamRoutes(router, { state, log });
  prometheusRoutes(router, { services, refreshMs: options.rhythms?.refreshMs });
  historyRoutes(router, { services, gateways, trustProxy, log });
  rulesRoutes(router, { services, readOnly, dryRun: Boolean(options.pruneDryRun) });
  refreshRoutes(router, { state });
  checkRoutes(router, { gateways, state });
  const config = () =>
    appConfig(gateways, { readOnly, staleThreshold: options.staleThreshold, pollIntervalMs: options.pollIntervalMs });
  configRoutes(router, { config });
  gatewayRoutes(router, { gateways, state, maxBodyBytes, log });
  pageRoutes(router, { distDir, config, state });

  if (routePrefix) {
    app.use(prefixRedirect(routePrefix));
    app.use(routePrefix, router);
  } else {
    app.use(router);
  }
  app.use(notFound);
  app.use(errorAnswer);

  return {
    app,
    state: state.model,
    pruner: services.pruner,
    reloads: services.reloads,
    health: services.health,
    history: services.history,
    rhythms: services.rhythms,
    close: services.close,
  };
}

/**
 * An HTTP server for the app whose own error answers (malformed requests, headers too large)
 * carry the same security headers as every other response. Closing it stops the services.
 */
export function createHttpServer(
  { app, close }: Pick<PushboardServer, 'app' | 'close'>,
  { frameAncestors = "'none'" }: { frameAncestors?: string } = {},
) {
  const server = http.createServer(app);
  // Rules run with nobody watching; they stop with the server.
  server.on('close', close);
  const headers = securityHeaderList(frameAncestors)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = `${status.slice(4)}\n`;
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n` +
        `${headers}Connection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
