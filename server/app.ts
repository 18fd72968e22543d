import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import express, { type ErrorRequestHandler } from 'express';
import { maskCredentials } from '../core/redact.ts';
import { WIRE_HEADER, WIRE_VERSION } from '../core/wire/version.ts';
import type { CadenceAnswer } from '../core/wire/cadence.ts';
import type { GroupHistory, JobStripsAnswer } from '../core/wire/history.ts';
import type { RulesAnswer } from '../core/wire/rules.ts';
import { hostPolicy } from './hosts.ts';
import { bodyCap, gatewayProxy, isProxied, publicAddress, type GatewayCredentials } from './proxy.ts';
import { dataGate, pageHandler } from './page.ts';
import { parseTarget } from './request-target.ts';
import { pushedProtobuf } from './pushed-protobuf.ts';
import { PUSHED_PROTOBUF_PATH } from '../core/protobuf-families.ts';
import { prometheusClient } from './prometheus/client.ts';
import { DEFAULT_HEALTH, GroupHealth } from './prometheus/group-health.ts';
import { prometheusView } from './prometheus/prometheus-view.ts';
import { rulesView, serverPruner } from './prune/server-prune.ts';
import { backfillFromPrometheus } from './history/backfill.ts';
import { healthExportText } from './history/health-export.ts';
import { JobStrips } from './history/job-strips.ts';
import { PushHistory } from './history/push-history.ts';
import { Rhythms } from './history/rhythms.ts';
import { sharedFamilies } from './history/shared-families.ts';
import { ConfigReloads } from './reload.ts';
import { serverState } from './state/server-state.ts';
import { DEFAULT_STREAM_CAPS } from './state/stream-caps.ts';
import { EXPORT_PATH, exportRoute } from './export.ts';
import { CHECK_PATH, checkRoute, isCheckPath } from './check/route.ts';
import {
  firstValue,
  isCrossSite,
  KNOWN_METHODS,
  SAFE_METHODS,
  securityHeaderList,
  securityHeaders,
} from './security.ts';

export { isProxied, PROXIED_PATHS } from './proxy.ts';

/**
 * The viewers' Refresh now: makes the server poll the gateway at once. It changes nothing on the
 * gateway, so it is the one POST a read-only server accepts; it is still refused cross-site.
 */
export const REFRESH_PATH = '/-/pushboard/refresh';

/** With several gateways, each one's API is proxied under this path and its name (relative to the app). */
export const GATEWAYS_PATH = '-/gateways/';

import { DEFAULT_MAX_BODY_BYTES } from './options.ts';
export { DEFAULT_MAX_BODY_BYTES };

export interface AppOptions {
  /** the one gateway (with `credentials`); or give `gateways` */
  gatewayUrl?: URL;
  /** every gateway to follow, each by name; with more than one, their groups are merged, each gateway's API is proxied under `-/gateways/NAME/` and none at the root */
  gateways?: Array<{ name: string; url: URL; credentials?: GatewayCredentials }>;
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
  prune?: import('./config.ts').PruneConfig;
  /** the --config file as read at start-up (a reload may change its rules, never its gateways); by default, one holding `prune` alone */
  config?: import('./config.ts').Config;
  /** evaluate and report the prune rules, never delete */
  pruneDryRun?: boolean;
  /** the Prometheus that scrapes the gateway, read by the server alone */
  prometheus?: import('./prometheus/prometheus-view.ts').PrometheusOptions;
  /** where the push history is kept (`--data-dir`); without it, in memory only */
  dataDir?: string;
  /** how often the server reads the gateway with no viewer (`--idle-poll-interval`) */
  idlePollIntervalMs?: number;
  /** written expectations (`expect:` of --config) */
  expect?: import('./history/expectations.ts').Expectation[];
  /** the overdue factor, and how often the page asks for the rhythms again (`--overdue-factor`, `--cadence-refresh-interval`) */
  rhythms?: { factor?: number; refreshMs?: number };
  /** each group's health at /-/pushboard/metrics (`--export-group-health`); the server then polls at its poll interval with nobody watching */
  exportGroupHealth?: boolean;
  log?: (line: string) => void;
}

/**
 * The Pushboard HTTP app: the built dashboard, its config.json, and the gateway's API proxied.
 * Every request is decided once, in this order: allowed host, one parse of its target, method,
 * read-only and cross-site gates, then the route (health, config, gateway path, static file).
 */
export function createApp(options: AppOptions) {
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

  const refuse = (res: import('express').Response, status: number, text: string) =>
    res.status(status).type('text/plain').send(`${text}\n`);

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
    const refresh =
      req.method === 'POST' &&
      (target.path === `${routePrefix}${REFRESH_PATH}` || isCheckPath(target.path, routePrefix));
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
  // Every answer of Pushboard's own says which wire protocol it speaks (core/wire/version.ts).
  router.use((req, res, next) => {
    if (req.path.startsWith('/-/pushboard/') || req.path === '/config.json') res.setHeader(WIRE_HEADER, WIRE_VERSION);
    next();
  });
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
    res.json(
      (options.rhythms?.refreshMs
        ? { ...answer, refreshMs: options.rhythms.refreshMs }
        : answer) satisfies CadenceAnswer,
    );
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
    } satisfies GroupHistory);
  });
  // Every job's last pushes together, for the strips on the overview's job rows.
  const jobStrips = new JobStrips(history.store, () => state.model.snapshot());
  router.get('/-/pushboard/history/jobs', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ jobs: jobStrips.get() } satisfies JobStripsAnswer);
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
    } satisfies RulesAnswer);
  });
  // Answers 204 once a poll that started after the request has ended (at most one a second,
  // shared by every refresh meanwhile); its result reaches every viewer through the stream.
  router.post(REFRESH_PATH, async (req, res) => {
    req.resume();
    await state.model.refresh();
    res.status(204).end();
  });
  router.use(CHECK_PATH, checkRoute({ gateways, model: state.model }));
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
  const proxied = (gateway: (typeof gateways)[number]): import('express').RequestHandler => {
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
  const statics = expressStaticGzip(distDir, {
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
  });
  // The compiled server lives in the build too (dist/server/): it is no file of the app's. The
  // path as the static handler reads it: decoded (server%2Fcli.js) and normalized.
  const serverCode = (urlPath: string) => {
    try {
      return path.posix.normalize(decodeURIComponent(urlPath)).startsWith('/server/');
    } catch {
      return false;
    }
  };
  router.use((req, res, next) => (serverCode(req.path) ? next() : statics(req, res, next)));

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
  app.use(((error, _req, res, _next) => {
    const failure = error as { status?: number; statusCode?: number } | undefined;
    const status = Number(failure?.status ?? failure?.statusCode) || 500;
    if (res.headersSent) return void res.destroy();
    refuse(res, status >= 400 && status < 600 ? status : 500, status < 500 ? 'Bad request.' : 'Internal error.');
  }) satisfies ErrorRequestHandler);
  return Object.assign(app, { state: state.model, pruner, reloads, health, history, rhythms, stateClose: state.close });
}

/** The Express app with the services it is built on, which the server's owner stops. */
export type PushboardApp = ReturnType<typeof createApp>;

/**
 * An HTTP server for the app whose own error answers (malformed requests, headers too large)
 * carry the same security headers as every other response.
 */
export function createHttpServer(app: PushboardApp, { frameAncestors = "'none'" }: { frameAncestors?: string } = {}) {
  const server = http.createServer(app);
  // Rules run with nobody watching; they stop with the server.
  server.on('close', () => {
    app.pruner?.stop();
    app.health?.stop();
    app.history?.stop();
    app.stateClose?.();
  });
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
