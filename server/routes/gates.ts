/**
 * What every request passes before its route, decided once and in this order: an allowed host,
 * one parse of its target, a known method, then the read-only and cross-site gates for changes.
 * And the app's own answers where Express would write its own (404, errors), which keep the app's
 * security headers.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { hostPolicy } from '../hosts.ts';
import { parseTarget } from '../request-target.ts';
import { firstValue, isCrossSite, KNOWN_METHODS, SAFE_METHODS } from '../security.ts';
import { isCheckPath } from '../check/route.ts';
import type { Log } from '../services.ts';

/**
 * The viewers' Refresh now: makes the server poll the gateway at once. It changes nothing on the
 * gateway, so it is the one POST a read-only server accepts; it is still refused cross-site.
 */
export const REFRESH_PATH = '/-/pushboard/refresh';

/** A plain-text refusal. */
export type Refuse = (res: Response, status: number, text: string) => void;

export const refuse: Refuse = (res, status, text) => void res.status(status).type('text/plain').send(`${text}\n`);

/** Refuses a Host (or, behind a trusted proxy, an X-Forwarded-Host) the server does not answer to. */
export function hostGate({
  listenHost,
  allowedHosts,
  trustProxy,
  log,
}: {
  listenHost?: string;
  allowedHosts?: string[];
  trustProxy: boolean;
  log: Log;
}): RequestHandler {
  const hosts = hostPolicy({ listenHost, allowedHosts });
  return (req, res, next) => {
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
  };
}

/** One parse of the request's target, a known method, and the read-only and cross-site gates. */
export function requestGate({
  readOnly,
  routePrefix,
  trustProxy,
  log,
}: {
  readOnly: boolean;
  routePrefix: string;
  trustProxy: boolean;
  log: Log;
}): RequestHandler {
  return (req, res, next) => {
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
  };
}

/** The prefix without a trailing slash goes to the app's page with one: relative URLs need it. */
export function prefixRedirect(routePrefix: string): RequestHandler {
  return (req, res, next) => {
    const [pathname, query] = req.url.split(/\?(.*)/s, 2);
    if (pathname !== routePrefix) return next();
    res.redirect(301, `${routePrefix}/${query ? `?${query}` : ''}`);
  };
}

/** Express's own 404 page carries a CSP of its own; this keeps the app's. */
export const notFound: RequestHandler = (_req, res) => refuse(res, 404, 'Not found.');

/** Express's own error page carries a CSP of its own; this keeps the app's. */
export const errorAnswer: ErrorRequestHandler = (error, _req, res, _next) => {
  const failure = error as { status?: number; statusCode?: number } | undefined;
  const status = Number(failure?.status ?? failure?.statusCode) || 500;
  if (res.headersSent) return void res.destroy();
  refuse(res, status >= 400 && status < 600 ? status : 500, status < 500 ? 'Bad request.' : 'Internal error.');
};
