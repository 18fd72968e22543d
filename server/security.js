// @ts-check
/** Security headers for every response, and the refusal of cross-site changes to the gateway. */

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A Content-Security-Policy that allows only the app's own scripts, styles and API calls.
 * @param {string} frameAncestors e.g. "'none'" or "'self' https://grafana.example.com"
 */
export function contentSecurityPolicy(frameAncestors) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * @param {{ frameAncestors: string }} options
 * @returns {import('express').RequestHandler}
 */
export function securityHeaders({ frameAncestors }) {
  const csp = contentSecurityPolicy(frameAncestors);
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (frameAncestors === "'none'") res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

/**
 * Whether a change request comes from another site: by the browser's Sec-Fetch-Site, or failing
 * that by an Origin whose host is not this server's. Tools like curl send neither and pass.
 * @param {{ method?: string, headers: import('node:http').IncomingHttpHeaders }} req
 */
export function isCrossSite(req) {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    return origin === 'null' || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
