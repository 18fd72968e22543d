/**
 * Allowed hosts, against DNS rebinding: a page on evil.example that rebinds its name to this
 * server's address reaches it with `Host: evil.example`, as the same origin. Refusing unknown
 * names is the protection Vite's dev server added as `server.allowedHosts`.
 */
import { isIP } from 'node:net';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** @param host a listen address */
export function isLoopback(host: string) {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The host name of a `Host` (or `X-Forwarded-Host`) header, lower-cased, without port or trailing
 * dot; IPv6 literals keep their brackets. Undefined when it is not a plain host[:port].
 */
export function hostName(header: string | undefined) {
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._~!$&'()*+,;=%-]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match ? match[1].toLowerCase().replace(/\.$/, '') : undefined;
}

/**
 * `--allowed-hosts`: a comma-separated list of names (`.example.com` also allows its subdomains),
 * or `*` for any.
 */
export function parseAllowedHosts(value: string): string[] {
  const hosts = value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of hosts) {
    if (h !== '*' && hostName(h.replace(/^\./, '')) !== h.replace(/^\./, '').replace(/\.$/, '')) {
      throw new Error(`"${h}" in --allowed-hosts is not a host name (no scheme or port: e.g. pushboard.example.com)`);
    }
  }
  if (hosts.length === 0) throw new Error('--allowed-hosts needs at least one host name');
  return hosts;
}

/**
 * The check for one server. Listening on loopback, only the loopback names are accepted (plus the
 * configured ones). Listening elsewhere, IP literals are accepted too: a rebinding attack needs a
 * name, and a browser that sends an IP as Host really connected to it.
 */
export function hostPolicy({
  listenHost = 'localhost',
  allowedHosts = [],
}: {
  listenHost?: string;
  allowedHosts?: string[];
}): { allows: (header: string | undefined) => boolean; describe: () => string } {
  const any = allowedHosts.includes('*');
  const loopback = isLoopback(listenHost);
  const names = [...LOOPBACK_HOSTS, ...allowedHosts];
  return {
    allows(header) {
      if (any) return true;
      const name = hostName(header);
      if (!name) return false;
      if (!loopback && isIP(name.replace(/^\[|\]$/g, ''))) return true;
      return names.some((allowed) =>
        allowed.startsWith('.') ? name === allowed.slice(1) || name.endsWith(allowed) : name === allowed,
      );
    },
    describe() {
      if (any) return 'any host';
      return `${names.join(', ')}${loopback ? '' : ' and IP addresses'}`;
    },
  };
}
