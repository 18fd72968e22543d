// @ts-check
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import express from 'express';
import { maskCredentials } from '../core/redact.ts';
import { hostPolicy } from './hosts.js';
import { bodyCap, gatewayProxy, isProxied, publicAddress } from './proxy.js';
import { dataGate, pageHandler } from './page.js';
import { parseTarget } from './request-target.js';
import { pushedProtobuf } from './pushed-protobuf.ts';
import { PUSHED_PROTOBUF_PATH } from '../core/protobuf-families.ts';
import { prometheusClient } from './prometheus/client.ts';
import { DEFAULT_HEALTH, GroupHealth } from './prometheus/group-health.ts';
import { prometheusView } from './prometheus/prometheus-view.ts';
import { rulesView, serverPruner } from './prune/server-prune.ts';
import { backfillFromPrometheus } from './history/backfill.ts';
import { healthExportText } from './history/health-export.ts';
import { PushHistory } from './history/push-history.ts';
import { Rhythms } from './history/rhythms.ts';
import { sharedFamilies } from './history/shared-families.ts';
import { ConfigReloads } from './reload.ts';
import { serverState } from './state/server-state.ts';
import { DEFAULT_STREAM_CAPS } from './state/stream-caps.ts';
import { EXPORT_PATH, exportRoute } from './export.ts';
import {
  firstValue,
  isCrossSite,
  KNOWN_METHODS,
  SAFE_METHODS,
  securityHeaderList,
  securityHeaders,
} from './security.js';

export { isProxied, PROXIED_PATHS } from './proxy.js';

/**
 * The viewers' Refresh now: makes the server poll the gateway at once. It changes nothing on the
 * gateway, so it is the one POST a read-only server accepts; it is still refused cross-site.
 */
export const REFRESH_PATH = '/-/pushboard/refresh';

/** With several gateways, each one's API is proxied under this path and its name (relative to the app). */
export const GATEWAYS_PATH = '-/gateways/';

/** 32 MiB: enough for the Undo of a very large group. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * @typedef {object} AppOptions
 * @property {URL} [gatewayUrl] the one gateway (with `credentials`); or give `gateways`
 * @property {Array<{ name: string, url: URL, credentials?: import('./proxy.js').GatewayCredentials }>} [gateways]
 *   every gateway to follow, each by name; with more than one, their groups are merged, each
 *   gateway's API is proxied under `-/gateways/NAME/` and none at the root
 * @property {string} distDir the built app
 * @property {boolean} [readOnly] hide destructive actions and refuse changes
 * @property {string} [routePrefix] serve everything under this path, e.g. "/pushboard"
 * @property {string} [frameAncestors] CSP frame-ancestors; "'none'" by default
 * @property {string} [staleThreshold] the app's default staleness threshold
 * @property {number} [pollIntervalMs] the app's default refresh interval
 * @property {import('./proxy.js').GatewayCredentials} [credentials]
 * @property {string} [listenHost] where the server listens: decides the default allowed hosts
 * @property {string[]} [allowedHosts] more accepted Host names (`*` for any)
 * @property {boolean} [trustProxy] believe X-Forwarded-Host from a reverse proxy in front
 * @property {number} [maxBodyBytes] the largest change body passed on to the gateway
 * @property {number} [serverPollIntervalMs] how often the server polls the gateway for its viewers
 *   (the `--poll-interval`; 5 s by default)
 * @property {number} [maxStreams] open event streams in all (`--max-streams`), beyond which 429
 * @property {number} [maxStreamsPerClient] open event streams per client address (`--max-streams-per-client`)
 * @property {number} [streamHeartbeatMs] the event stream's heartbeat (15 s; tests shorten it)
 * @property {import('./config.ts').PruneConfig} [prune] prune rules (the `prune:` section of --config)
 * @property {import('./config.ts').Config} [config] the --config file as read at start-up (a reload
 *   may change its rules, never its gateways); by default, one holding `prune` alone
 * @property {boolean} [pruneDryRun] evaluate and report the prune rules, never delete
 * @property {import('./prometheus/prometheus-view.ts').PrometheusOptions} [prometheus] the Prometheus that
 *   scrapes the gateway, read by the server alone
 * @property {string} [dataDir] where the push history is kept (`--data-dir`); without it, in memory only
 * @property {number} [idlePollIntervalMs] how often the server reads the gateway with no viewer (`--idle-poll-interval`)
 * @property {import('./history/expectations.ts').Expectation[]} [expect] written expectations (`expect:` of --config)
 * @property {{ factor?: number, refreshMs?: number }} [rhythms] the overdue factor, and how often the page asks
 *   for the rhythms again (`--overdue-factor`, `--cadence-refresh-interval`)
 * @property {boolean} [exportGroupHealth] each group's health at /-/pushboard/metrics (`--export-group-health`);
 *   the server then polls at its poll interval with nobody watching
 * @property {(line: string) => void} [log]
 */

/**
 * The Pushboard HTTP app: the built dashboard, its config.json, and the gateway's API proxied.
 * Every request is decided once, in this order: allowed host, one parse of its target, method,
 * read-only and cross-site gates, then the route (health, config, gateway path, static file).
 * @param {AppOptions} options
 */
export function createApp(options) {
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
  const log = (/** @type {string} */ line) => rawLog(maskCredentials(line));
  const gateways =
    options.gateways ??
    (options.gatewayUrl ? [{ name: 'default', url: options.gatewayUrl, credentials: options.credentials }] : []);
  if (gateways.length === 0) throw new Error('createApp needs a gateway');
  const multi = gateways.length > 1;
  const gatewayUrl = gateways[0].url;
  if (multi && options.prometheus) {
    throw new Error('--prometheus works with one gateway only for now: give a single --gateway');
  }
  const hosts = hostPolicy({ listenHost: options.listenHost, allowedHosts: options.allowedHosts });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders({ frameAncestors }));

  /** @param {import('express').Response} res @param {number} status @param {string} text */
  const refuse = (res, status, text) => res.status(status).type('text/plain').send(`${text}\n`);

  app.use((req, res, next) => {
    const host = req.headers.host;
    const forwarded = trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
    const refused = !hosts.allows(host) ? host : forwarded !== undefined && !hosts.allows(forwarded) ? forwarded : null;
    if (refused === null) return next();
    log(`${req.method} -> 403 (host "${String(refused).slice(0, 100)}" not allowed)`);
    refuse(
      res,
      403,
      `Host "${refused ?? ''}" is not allowed: this server answers to ${hosts.describe()} (see --allowed-hosts).`,
    );
  });

  app.use((req, res, next) => {
    const target = parseTarget(req.url);
    if (!target.ok) return refuse(res, 400, `Bad request: ${target.reason}.`);
    req.url = target.url;
    req.originalUrl = target.url;
    if (!KNOWN_METHODS.has(req.method)) {
      res.setHeader('Allow', [...KNOWN_METHODS].join(', '));
      return refuse(res, 405, `Method ${req.method} is not allowed.`);
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const refresh = req.method === 'POST' && target.path === `${routePrefix}${REFRESH_PATH}`;
    const reason = readOnly && !refresh ? 'read-only' : isCrossSite(req, trustProxy) ? 'cross-site' : undefined;
    if (!reason) return next();
    log(`${req.method} ${req.originalUrl} -> 403 (${reason})`);
    refuse(
      res,
      403,
      reason === 'read-only'
        ? 'Pushboard is read-only: changes to the gateway are disabled.'
        : 'Cross-site changes to the gateway are refused.',
    );
  });

  const pollIntervalMs = options.serverPollIntervalMs ?? options.pollIntervalMs ?? 5000;
  const exportGroups = Boolean(options.exportGroupHealth ?? options.prometheus?.health?.export);
  const state = serverState({
    gateways,
    intervalMs: pollIntervalMs,
    stream: {
      caps: {
        total: options.maxStreams ?? DEFAULT_STREAM_CAPS.total,
        perClient: options.maxStreamsPerClient ?? DEFAULT_STREAM_CAPS.perClient,
      },
      ...(options.streamHeartbeatMs ? { heartbeatMs: options.streamHeartbeatMs } : {}),
      // Behind a trusted proxy every stream comes from its address: the client is the address
      // it appended to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), the last one.
      clientOf: (req) =>
        (trustProxy &&
          String(req.headers['x-forwarded-for'] ?? '')
            .split(',')
            .at(-1)
            ?.trim()) ||
        (req.socket.remoteAddress ?? ''),
      onRefused: (client, reason) => log(`GET events -> 429 (${client}: ${reason})`),
    },
  });
  // Every group's pushes, from the server's own polls, kept watching with nobody looking.
  const history = new PushHistory({
    model: state.model,
    dataDir: options.dataDir,
    idleMs: Math.max(pollIntervalMs, options.idlePollIntervalMs ?? 60_000),
    keepFresh: exportGroups,
    log,
  });
  const factor = options.rhythms?.factor ?? options.prometheus?.health?.factor ?? 2;
  const rhythms = new Rhythms({
    model: state.model,
    history,
    settings: { factor, graceSeconds: pollIntervalMs / 1000 },
  });
  rhythms.configure(options.expect);
  const pruner = serverPruner({
    intervalOf: rhythms.intervalOf,
    model: state.model,
    send: state.send,
    registry: state.registry,
    dryRun: options.pruneDryRun,
    gateways: gateways.map((g) => g.name),
    log,
  });
  pruner.configure(options.prune);
  const started = options.config ?? {
    ...(options.prune ? { prune: options.prune } : {}),
    ...(options.expect ? { expect: options.expect } : {}),
  };
  const reloads = new ConfigReloads(started, {
    registry: state.registry,
    apply: (config) => {
      pruner.configure(config.prune);
      rhythms.configure(config.expect);
    },
  });
  // Case-sensitive, as the gateway's own paths are: `-/gateways/EU/` is not `-/gateways/eu/`.
  const router = express.Router({ caseSensitive: true });
  router.get('/-/pushboard/healthy', (_req, res) => {
    res.type('text/plain').send('OK\n');
  });
  router.use(dataGate({ log, refuse }));
  // The stream compresses each event once for every viewer (stream-bytes.ts), not per viewer.
  router.get('/-/pushboard/events', state.stream);
  // gzip or deflate as the browser asks: the gateway's API (which the gateway sends
  // uncompressed) and the app's files.
  router.use(compression());
  router.get('/-/pushboard/metrics', state.metrics);
  const promOptions = options.prometheus;
  const promClient = promOptions && prometheusClient(promOptions.url, promOptions.credentials);
  const prometheus = prometheusView(gatewayUrl, promOptions, promClient);
  const health =
    promOptions && promClient
      ? new GroupHealth({
          client: promClient,
          view: prometheus,
          model: state.model,
          settings: { ...DEFAULT_HEALTH, ...promOptions.health },
          graphBase: (promOptions.externalUrl ?? promOptions.url).href,
          log,
        })
      : undefined;
  health?.start();
  history.start();
  if (promClient) void backfillFromPrometheus({ client: promClient, view: prometheus, history, log });
  // Per-job counts by state always; each group's health with --export-group-health.
  state.addMetricsText(() =>
    healthExportText(state.model.snapshot().groups, (group) => rhythms.rhythmOf(group, health?.view().intervals), {
      nowSeconds: Date.now() / 1000,
      perGroup: exportGroups,
    }),
  );
  router.get('/-/pushboard/prometheus', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(await prometheus());
  });
  // Each group's usual interval: the page judges overdue against the push times it already has.
  router.get('/-/pushboard/cadence', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const answer = rhythms.view(health ? await health.fresh() : undefined);
    res.json(options.rhythms?.refreshMs ? { ...answer, refreshMs: options.rhythms.refreshMs } : answer);
  });
  // Does Prometheus hold this group's push time? Asked for an expanded group.
  router.get('/-/pushboard/prometheus/group', async (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    const group = state.model.group(key);
    if (!health) return res.json({ state: 'unavailable', reason: 'Prometheus is not configured.' });
    if (!group) return refuse(res, 404, 'No such group on the gateway.');
    res.json(await health.seen(group));
  });
  // One group's last pushes and its rhythm, for the strip on its card.
  router.get('/-/pushboard/history', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    const group = state.model.group(key);
    if (!group) return refuse(res, 404, 'No such group on the gateway.');
    res.json({
      pushes: history.entries(key),
      rhythm: rhythms.rhythmOf(group) ?? null,
      // What a failed push may have clashed with: this group's metric names held by other groups.
      shared: group.lastPushSuccessful ? [] : sharedFamilies(group, state.model.snapshot().groups),
    });
  });
  // The groups a filter shows, as the groups page exports them, streamed.
  router.get(
    EXPORT_PATH,
    exportRoute({
      model: state.model,
      gatewayName: multi ? gateways.map((g) => g.name).join('+') : gatewayUrl.host,
      multi,
      trustProxy,
      log,
    }),
  );
  router.get('/-/pushboard/rules', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      ...rulesView(pruner, state.model, {
        readOnly,
        dryRun: Boolean(options.pruneDryRun),
        intervalOf: rhythms.intervalOf,
      }),
      reload: reloads.last,
    });
  });
  // Answers 204 once a poll that started after the request has ended (at most one a second,
  // shared by every refresh meanwhile); its result reaches every viewer through the stream.
  router.post(REFRESH_PATH, async (req, res) => {
    req.resume();
    await state.model.refresh();
    res.status(204).end();
  });
  router.all(REFRESH_PATH, (_req, res) => {
    res.setHeader('Allow', 'POST');
    refuse(res, 405, 'Only POST refreshes.');
  });

  // The app's run-time configuration, from the server's flags: config.json, and in the page.
  const appConfig = () => ({
    readOnly,
    ...(options.staleThreshold ? { staleThreshold: options.staleThreshold } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    gatewayBase: './',
    ...(multi
      ? {
          gateways: gateways.map((g) => ({
            name: g.name,
            base: `${GATEWAYS_PATH}${g.name}/`,
            address: publicAddress(g.url),
          })),
        }
      : { gatewayAddress: publicAddress(gatewayUrl) }),
    // The server holds the gateway's state: the app follows its stream instead of polling.
    events: '-/pushboard/events',
  });
  router.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(appConfig());
  });

  const cap = bodyCap(maxBodyBytes, log);
  /** @param {typeof gateways[number]} gateway @returns {import('express').RequestHandler} */
  const proxied = (gateway) => {
    const proxy = gatewayProxy({
      gatewayUrl: gateway.url,
      credentials: gateway.credentials,
      log: multi ? (line) => log(`${line} (gateway ${gateway.name})`) : log,
      onChange: () => state.changed(gateway.name),
    });
    // Undo's exact copy of a group: the pushed part of the gateway's /metrics, never all of it.
    const pushed = pushedProtobuf(gateway.url, gateway.credentials);
    return (req, res, next) => {
      if (req.path === `/${PUSHED_PROTOBUF_PATH}` && SAFE_METHODS.has(req.method)) return pushed(req, res, next);
      if (!isProxied(req.path)) return next();
      // The gateway's answers change with every push: never served from a cache.
      if (SAFE_METHODS.has(req.method)) res.setHeader('Cache-Control', 'no-cache');
      cap(req, res, () => proxy(req, res, next));
    };
  };
  if (multi) {
    // Each gateway's API under its name; none at the root, where it would be a guess which.
    for (const gateway of gateways) router.use(`/${GATEWAYS_PATH}${gateway.name}`, proxied(gateway));
    router.use((req, res, next) => {
      if (!isProxied(req.path)) return next();
      refuse(
        res,
        404,
        `This server follows several gateways: each one's API is under ${GATEWAYS_PATH}NAME/ (${gateways.map((g) => g.name).join(', ')}).`,
      );
    });
  } else {
    router.use(proxied(gateways[0]));
  }

  router.get(['/', '/index.html'], pageHandler({ distDir, config: appConfig, first: state.stream.first }));

  // The build's gzip copies where the browser accepts gzip (compression() leaves those alone).
  router.use(
    expressStaticGzip(distDir, {
      index: 'index.html',
      serveStatic: {
        index: 'index.html',
        // No directory redirects: serve-static writes them with its own CSP.
        redirect: false,
        setHeaders: (res, file) => {
          // Hashed assets never change; everything else must be revalidated.
          const hashed = file.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  );

  if (routePrefix) {
    // The prefix without a trailing slash goes to the app's page with one: relative URLs need it.
    app.use((req, res, next) => {
      const [pathname, query] = req.url.split(/\?(.*)/s, 2);
      if (pathname !== routePrefix) return next();
      res.redirect(301, `${routePrefix}/${query ? `?${query}` : ''}`);
    });
    app.use(routePrefix, router);
  } else {
    app.use(router);
  }

  // Express's own 404 and error pages carry a CSP of their own; these keep the app's.
  app.use((_req, res) => refuse(res, 404, 'Not found.'));
  app.use(
    /** @type {import('express').ErrorRequestHandler} */
    (error, _req, res, _next) => {
      const status = Number(error?.status ?? error?.statusCode) || 500;
      if (res.headersSent) return res.destroy();
      refuse(res, status >= 400 && status < 600 ? status : 500, status < 500 ? 'Bad request.' : 'Internal error.');
    },
  );
  return Object.assign(app, { state: state.model, pruner, reloads, health, history, rhythms, stateClose: state.close });
}

/**
 * An HTTP server for the app whose own error answers (malformed requests, headers too large)
 * carry the same security headers as every other response.
 * @param {import('express').Express} app
 * @param {{ frameAncestors?: string }} [options]
 */
export function createHttpServer(app, { frameAncestors = "'none'" } = {}) {
  const server = http.createServer(app);
  // Rules run with nobody watching; they stop with the server.
  server.on('close', () => {
    /** @type {any} */ (app).pruner?.stop();
    /** @type {any} */ (app).health?.stop();
    /** @type {any} */ (app).history?.stop();
    /** @type {any} */ (app).stateClose?.();
  });
  const headers = securityHeaderList(frameAncestors)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, socket) => {
    if (!socket.writable || /** @type {any} */ (socket)._httpMessage) return socket.destroy();
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
