import { parseDuration } from '../core/duration.js';
import { maskCredentials } from '../core/redact.ts';

/** Where the command looks for a gateway when none is given (local-gateway.ts starts one there). */
export const EMBEDDED_GATEWAY_URL = 'http://localhost:9091/';

/** 32 MiB: enough for the Undo of a very large group. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * A gateway address: http(s) only, no query or fragment; the path (a route prefix) keeps a
 * trailing slash so relative API paths resolve under it.
 */
export function parseGatewayUrl(value: string): URL {
  return parseServiceUrl(value, 'gateway');
}

/**
 * A service's URL from a flag (`gateway` or `prometheus`) or the configuration file: http(s), no
 * credentials, no query.
 * @param [credentialsHint] where credentials go instead (default: the flag's file option)
 */
export function parseServiceUrl(
  value: string,
  service: 'gateway' | 'prometheus',
  credentialsHint: string = `pass --${service}-basic-auth-file FILE`,
): URL {
  // Messages never repeat a credential, in whatever form the URL is written (see core/redact.ts).
  const shown = maskCredentials(value);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `the ${service} URL "${shown}" is not a valid URL (expected e.g. http://localhost:${service === 'gateway' ? 9091 : 9090})`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the ${service} URL "${shown}" must start with http:// or https://`);
  }
  // Refused rather than used: a URL with a password shows in `ps`, shell history, unit files and
  // pod specs, and would have to be redacted from every log line and answer. A file does neither.
  if (url.username || url.password || shown !== value) {
    throw new Error(
      `the ${service} URL "${shown}" must not hold credentials: put "user:password" in a file and ${credentialsHint}`,
    );
  }
  // `search`/`hash` are empty for a bare `?`/`#`, yet the href keeps them (a `?` ends up in every proxied path).
  if (/[?#]/.test(url.href)) throw new Error(`the ${service} URL "${shown}" must not have a query or fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** A gateway's name, as `--gateway NAME=URL`, pushboard.yml and `@gateway="…"` write it. */
export const GATEWAY_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Why `name` cannot name a gateway, or undefined when it can: a fixed alphabet, and never `.` or
 * `..`, which would be path segments in `-/gateways/NAME/`.
 */
export function gatewayNameProblem(name: string): string | undefined {
  if (!GATEWAY_NAME.test(name)) return `"${maskCredentials(name)}" may hold only letters, digits, "_", "." and "-"`;
  if (name === '.' || name === '..') return `"${name}" cannot name a gateway: it reads as a path`;
  return undefined;
}

/**
 * The gateway among `taken` that `name` would be confused with: names are one identity without
 * regard to case (`EU` and `eu` are the same gateway in every path and filter that names it).
 */
export function sameGatewayName<G extends { name: string }>(taken: readonly G[], name: string): G | undefined {
  const key = name.toLowerCase();
  return taken.find((g) => g.name.toLowerCase() === key);
}

/** The name of the only gateway when it is given without one (`--gateway URL`, PUSHGATEWAY_URL). */
export const DEFAULT_GATEWAY_NAME = 'default';

/**
 * The values of a repeated `--gateway`: either one bare URL (one gateway, as before there were
 * several, named "default"), or any number of `NAME=URL`, each a named gateway. A bare URL among
 * named ones is refused: it has no name to tell it apart by. A URL never has an "=" before its
 * scheme's ":", and a name never has a ":", so the two forms cannot be mistaken for each other.
 */
export function parseGatewayFlags(values: readonly string[]): {
  named: boolean;
  gateways: Array<{ name: string; url: URL }>;
} {
  const gateways: Array<{ name: string; url: URL }> = [];
  let bare = 0;
  for (const value of values) {
    // Up to the first "=", unless a ":" comes first (a URL's scheme): `a/b=…` is a bad name, not a URL.
    const match = /^([^:=]*)=(.*)$/s.exec(value);
    if (!match) {
      bare++;
      gateways.push({ name: DEFAULT_GATEWAY_NAME, url: parseGatewayUrl(value) });
      continue;
    }
    const [, name = '', url = ''] = match;
    const problem = gatewayNameProblem(name);
    if (problem) throw new Error(`the gateway name in --gateway ${maskCredentials(name)}=…: ${problem}`);
    const same = sameGatewayName(gateways, name);
    if (same) {
      throw new Error(
        same.name === name
          ? `--gateway ${name}=… is given twice`
          : `--gateway ${same.name}=… and --gateway ${name}=… name the same gateway (names are one without regard to case): rename one`,
      );
    }
    gateways.push({ name, url: parseGatewayUrl(url) });
  }
  if (bare > 0 && gateways.length > 1) {
    throw new Error(
      bare === gateways.length
        ? '--gateway is given several times without names: name each one, as --gateway NAME=URL'
        : 'a --gateway URL without a name cannot go with named ones: write it as --gateway NAME=URL too',
    );
  }
  return { named: bare === 0 && gateways.length > 0, gateways };
}

/**
 * `host:port`, `[::1]:port` or `:port` (all interfaces).
 */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port > 65535) {
    throw new Error(`the listen address "${value}" is not HOST:PORT (e.g. localhost:8080)`);
  }
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

/**
 * `/pushboard` from "/pushboard/" or "pushboard"; "" for "/" (no prefix).
 */
export function parseRoutePrefix(value: string): string {
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
 */
export function parseThreshold(value: string): string {
  if (parseDuration(value) === undefined) throw new Error(`"${value}" is not a duration like 30s, 5m, 1h or 1d`);
  return value.trim();
}

/**
 * A refresh interval in milliseconds, at least one second.
 */
export function parseInterval(value: string): number {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds < 1) throw new Error(`"${value}" is not an interval of at least 1s`);
  return Math.round(seconds * 1000);
}

/**
 * A size such as "32MB", "512KiB" or "1048576" (bytes); units are powers of 1024.
 * @returns bytes
 */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?\s*$/i.exec(value);
  if (!match) throw new Error(`"${value}" is not a size like 32MB, 512KB or 1048576`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.floor(Number(match[1]) * 1024 ** ({ b: 0, k: 1, m: 2, g: 3 }[unit] ?? 0));
  if (bytes < 1) throw new Error(`"${value}" is not a size of at least one byte`);
  return bytes;
}

/**
 * A history window for Prometheus, e.g. "7d", as a PromQL range in seconds; at least a minute.
 */
export function parseWindow(value: string): string {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds < 60) throw new Error(`"${value}" is not a window of at least 1m, like 7d`);
  return `${Math.round(seconds)}s`;
}

/**
 * How many usual intervals make a group overdue: a number above 1, e.g. 2 or 1.5.
 */
export function parseFactor(value: string): number {
  const factor = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !(factor > 1))
    throw new Error(`"${value}" is not a factor above 1, like 2`);
  return factor;
}

/**
 * A whole number of at least 1, e.g. for --max-streams.
 */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !(n >= 1)) throw new Error(`"${value}" is not a whole number of at least 1`);
  return n;
}
