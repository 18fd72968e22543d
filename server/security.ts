/** Security headers for every response, and the refusal of cross-site changes to the gateway. */
import { hostName } from './hosts.ts';

/** Methods that change nothing; every other method is a change (or refused outright). */
export const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** The methods the server answers at all: reads, and the gateway's push, replace and delete. */
export const KNOWN_METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']);

/**
 * A Content-Security-Policy that allows only the app's own scripts, styles and API calls. The
 * one definition used by the server and (checked by a test) by deploy/nginx.conf.
 * @param frameAncestors e.g. "'none'" or "'self' https://grafana.example.com"
 */
export function contentSecurityPolicy(frameAncestors: string) {
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
 * `--frame-ancestors`: a space-separated list of CSP sources, or `'none'` alone. Anything else
 * (a `;` starting another directive, a comma, quotes around a host) is refused.
 * @returns the list, normalised to single spaces
 */
export function parseFrameAncestors(value: string): string {
  const sources = value.trim().split(/\s+/).filter(Boolean);
  const keyword = /^'(none|self)'$/;
  const scheme = /^[a-z][a-z0-9+.-]*:$/i;
  const host =
    /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(?:\d{1,5}|\*))?(?:\/[a-z0-9\-._~%!$&'()*+=:@/]*)?$/i;
  if (sources.length === 0) throw new Error('--frame-ancestors needs at least one source, e.g. "\'none\'"');
  for (const source of sources) {
    if (!keyword.test(source) && !scheme.test(source) && !host.test(source)) {
      throw new Error(
        `"${source}" in --frame-ancestors is not a CSP source (e.g. 'self', https:, https://grafana.example.com)`,
      );
    }
  }
  if (sources.includes("'none'") && sources.length > 1) throw new Error("--frame-ancestors: 'none' must stand alone");
  return sources.join(' ');
}

/**
 * The security headers as name/value pairs, for Express responses and for the raw ones Node
 * writes itself (400, 431).
 */
export function securityHeaderList(frameAncestors: string): Array<[string, string]> {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(frameAncestors)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ...(frameAncestors === "'none'" ? [['X-Frame-Options', 'DENY'] as [string, string]] : []),
  ];
}

export function securityHeaders({ frameAncestors }: { frameAncestors: string }): import('express').RequestHandler {
  const headers = securityHeaderList(frameAncestors);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * Whether a change request comes from another site: by the browser's Sec-Fetch-Site, or failing
 * that by an Origin whose host is not this server's. `X-Forwarded-Host` names this server only
 * when a trusted reverse proxy set it (`--trust-proxy`). Tools like curl send neither and pass.
 */
export function isCrossSite(req: { headers: import('node:http').IncomingHttpHeaders }, trustProxy: boolean = false) {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  const forwarded = trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
  const host = hostWithPort(forwarded ?? req.headers.host);
  try {
    return origin === 'null' || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The first of a comma-separated header's values (proxies append theirs).
 */
export function firstValue(value: string | string[] | undefined) {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

function hostWithPort(header: string | undefined) {
  const name = hostName(header);
  const port = header?.trim().match(/:(\d+)$/)?.[1];
  return name && (port ? `${name}:${port}` : name);
}
