// @ts-check
import path from 'node:path';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

/** The gateway paths the app uses; nothing else of the gateway is exposed. Pushes may name the job
 * base64-encoded (`/metrics/job@base64/…`), as the dev server's `/metrics/job` prefix allows too. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const PROXIED_PATHS = ['/api/v1/', '/metrics/job/', '/metrics/job@base64/', '/-/ready', '/-/healthy'];

/**
 * @param {string} pathname
 * @returns {boolean}
 */
export function isProxied(pathname) {
  // No dot segments: they could climb out of the allowed paths on the gateway's side.
  if (/(^|\/)\.\.?(\/|$)|%2e/i.test(pathname)) return false;
  return PROXIED_PATHS.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p));
}

/**
 * The Pushboard HTTP app: the built dashboard from `distDir`, and the gateway's API proxied.
 * @param {{ gatewayUrl: URL, distDir: string, readOnly?: boolean, log?: (line: string) => void }} options
 */
export function createApp({ gatewayUrl, distDir, readOnly = false, log = console.log }) {
  const app = express();
  app.disable('x-powered-by');

  // The app's run-time configuration, from the server's flags.
  app.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ readOnly });
  });

  if (readOnly) {
    app.use((req, res, next) => {
      if (isProxied(req.path) && !SAFE_METHODS.has(req.method)) {
        log(`${req.method} ${req.url} -> 403 (read-only)`);
        res.status(403).type('text/plain').send('Pushboard is read-only: changes to the gateway are disabled.\n');
        return;
      }
      next();
    });
  }

  app.get('/-/pushboard/healthy', (_req, res) => {
    res.type('text/plain').send('OK\n');
  });

  app.use(
    createProxyMiddleware({
      target: gatewayUrl.href,
      changeOrigin: true,
      // Match on the path only; the query string goes through untouched.
      pathFilter: (pathname) => isProxied(pathname),
      on: {
        proxyRes: (proxyRes, req) => {
          if (!SAFE_METHODS.has(req.method ?? '')) {
            log(`${req.method} ${req.url} -> ${proxyRes.statusCode}`);
          }
        },
        error: (error, req, res) => {
          const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? error.message;
          const message = `Pushboard could not reach the Pushgateway at ${gatewayUrl.href}: ${code}\n`;
          if ('writeHead' in res && !res.headersSent) {
            res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
            res.end(message);
          } else {
            res.destroy();
          }
          if (req.method !== 'GET') log(`${req.method} ${req.url} -> 502 (${code})`);
        },
      },
    }),
  );

  app.use(
    express.static(distDir, {
      index: 'index.html',
      setHeaders: (res, file) => {
        // Hashed assets never change; everything else must be revalidated.
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  return app;
}
