// @ts-check
import path from 'node:path';
import express from 'express';
import { gatewayProxy, isProxied } from './proxy.js';
import { isCrossSite, SAFE_METHODS, securityHeaders } from './security.js';

export { isProxied, PROXIED_PATHS } from './proxy.js';

/**
 * @typedef {object} AppOptions
 * @property {URL} gatewayUrl
 * @property {string} distDir the built app
 * @property {boolean} [readOnly] hide destructive actions and refuse changes
 * @property {string} [routePrefix] serve everything under this path, e.g. "/pushboard"
 * @property {string} [frameAncestors] CSP frame-ancestors; "'none'" by default
 * @property {string} [staleThreshold] the app's default staleness threshold
 * @property {number} [pollIntervalMs] the app's default refresh interval
 * @property {import('./proxy.js').GatewayCredentials} [credentials]
 * @property {(line: string) => void} [log]
 */

/**
 * The gateway's address as Prometheus would scrape it, without any credentials in it.
 * @param {URL} url
 */
function publicAddress(url) {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/**
 * The Pushboard HTTP app: the built dashboard, its config.json, and the gateway's API proxied.
 * @param {AppOptions} options
 */
export function createApp(options) {
  const {
    gatewayUrl,
    distDir,
    readOnly = false,
    routePrefix = '',
    frameAncestors = "'none'",
    log = console.log,
  } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ frameAncestors }));

  const router = express.Router();
  router.get('/-/pushboard/healthy', (_req, res) => {
    res.type('text/plain').send('OK\n');
  });

  // The app's run-time configuration, from the server's flags.
  router.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({
      readOnly,
      ...(options.staleThreshold ? { staleThreshold: options.staleThreshold } : {}),
      ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
      gatewayBase: './',
      gatewayAddress: publicAddress(gatewayUrl),
    });
  });

  router.use((req, res, next) => {
    if (!isProxied(req.path) || SAFE_METHODS.has(req.method)) return next();
    const refusal = readOnly
      ? 'Pushboard is read-only: changes to the gateway are disabled.'
      : isCrossSite(req)
        ? 'Cross-site changes to the gateway are refused.'
        : undefined;
    if (!refusal) return next();
    log(`${req.method} ${req.originalUrl} -> 403 (${readOnly ? 'read-only' : 'cross-site'})`);
    res.status(403).type('text/plain').send(`${refusal}\n`);
  });

  router.use(gatewayProxy({ gatewayUrl, credentials: options.credentials, log }));

  router.use(
    express.static(distDir, {
      index: 'index.html',
      redirect: true,
      setHeaders: (res, file) => {
        // Hashed assets never change; everything else must be revalidated.
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );

  if (routePrefix) {
    // The prefix without a trailing slash goes to the app's page with one: relative URLs need it.
    app.use((req, res, next) => {
      const [pathname, query] = req.originalUrl.split(/\?(.*)/s, 2);
      if (pathname !== routePrefix) return next();
      res.redirect(301, `${routePrefix}/${query ? `?${query}` : ''}`);
    });
    app.use(routePrefix, router);
  } else {
    app.use(router);
  }
  return app;
}
