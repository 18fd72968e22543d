// @ts-check
import { parseDuration } from '../core/duration.js';

/**
 * A gateway address: http(s) only, no query or fragment; the path (a route prefix) keeps a
 * trailing slash so relative API paths resolve under it.
 * @param {string} value
 * @returns {URL}
 */
export function parseGatewayUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`the gateway URL "${value}" is not a valid URL (expected e.g. http://localhost:9091)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the gateway URL "${value}" must start with http:// or https://`);
  }
  // `search`/`hash` are empty for a bare `?`/`#`, yet the href keeps them (a `?` ends up in every proxied path).
  if (/[?#]/.test(url.href)) throw new Error(`the gateway URL "${value}" must not have a query or fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * `host:port`, `[::1]:port` or `:port` (all interfaces).
 * @param {string} value
 * @returns {{ host: string, port: number }}
 */
export function parseListen(value) {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port > 65535) {
    throw new Error(`the listen address "${value}" is not HOST:PORT (e.g. localhost:8080)`);
  }
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

/**
 * `/pushboard` from "/pushboard/" or "pushboard"; "" for "/" (no prefix).
 * @param {string} value
 * @returns {string}
 */
export function parseRoutePrefix(value) {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  const prefix = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix) || /\/\.\.?(\/|$)/.test(prefix)) {
    throw new Error(`the route prefix "${value}" must be a plain path like /pushboard`);
  }
  return prefix;
}

/**
 * A duration flag such as "5s" or "1h", checked; returns it unchanged.
 * @param {string} value
 * @returns {string}
 */
export function parseThreshold(value) {
  if (parseDuration(value) === undefined) throw new Error(`"${value}" is not a duration like 30s, 5m, 1h or 1d`);
  return value.trim();
}

/**
 * A refresh interval in milliseconds, at least one second.
 * @param {string} value
 * @returns {number}
 */
export function parseInterval(value) {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds < 1) throw new Error(`"${value}" is not an interval of at least 1s`);
  return Math.round(seconds * 1000);
}
