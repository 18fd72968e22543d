// @ts-check
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { SAFE_METHODS } from './security.js';

/** The gateway paths the app uses; nothing else of the gateway is exposed. */
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
 * How the server reaches the gateway. Credentials stay here: the browser never sees them.
 * @typedef {{ basicAuthFile?: string, caFile?: string, insecureSkipVerify?: boolean }} GatewayCredentials
 */

/**
 * `user:password` from a file (one line; surrounding whitespace ignored).
 * @param {string} file
 */
export function readBasicAuth(file) {
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[^:\s]+:.+$/.test(text)) throw new Error(`${file} must hold one line "user:password"`);
  return text;
}

/**
 * The proxy to the gateway for the allowed paths, logging every change it passes on.
 * @param {{ gatewayUrl: URL, credentials?: GatewayCredentials, log: (line: string) => void }} options
 */
export function gatewayProxy({ gatewayUrl, credentials = {}, log }) {
  const auth = credentials.basicAuthFile ? readBasicAuth(credentials.basicAuthFile) : undefined;
  const agent =
    gatewayUrl.protocol === 'https:'
      ? new https.Agent({
          keepAlive: true,
          ca: credentials.caFile ? readFileSync(credentials.caFile) : undefined,
          rejectUnauthorized: !credentials.insecureSkipVerify,
        })
      : undefined;
  return createProxyMiddleware({
    target: gatewayUrl.href,
    changeOrigin: true,
    agent,
    secure: !credentials.insecureSkipVerify,
    // Match on the path only; the query string goes through untouched.
    pathFilter: (pathname) => isProxied(pathname),
    on: {
      proxyReq: (proxyReq) => {
        if (auth) proxyReq.setHeader('Authorization', `Basic ${Buffer.from(auth).toString('base64')}`);
        // The gateway needs no cookies of the dashboard's origin.
        proxyReq.removeHeader('cookie');
      },
      proxyRes: (proxyRes, req) => {
        if (!SAFE_METHODS.has(req.method ?? '')) log(`${req.method} ${req.url} -> ${proxyRes.statusCode}`);
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
        if (!SAFE_METHODS.has(req.method ?? '')) log(`${req.method} ${req.url} -> 502 (${code})`);
      },
    },
  });
}
