/**
 * A group's key when the server follows several gateways: `@gateway="eu-1" {job="a"}`.
 *
 * The same grouping key may live on two gateways (a load balancer in front of both, a job pointed
 * at both): they are two groups, so the merged model's keys say which gateway each is on. The
 * prefix is the filter box's own `@gateway="…"` (karma's convention for names that are not
 * labels), so a key stays readable where it shows (logs, URLs, the `?key=` of the server's
 * endpoints), is printable (no control character for the request-target checks to refuse), and
 * splits back without doubt: a gateway's name holds only [A-Za-z0-9_.-], never a quote, and a
 * single gateway's keys (`{job=…}`, `unreadable-group-3`) never start with "@". With one gateway
 * keys have no prefix: they stay byte for byte what they were.
 */
const PREFIX = /^@gateway="([A-Za-z0-9_.-]+)" /;

export function gatewayKey(gateway: string, key: string): string {
  return `@gateway="${gateway}" ${key}`;
}

/** The gateway and the gateway's own key of a merged key; null for a single gateway's key. */
export function splitGatewayKey(key: string): { gateway: string; key: string } | null {
  const match = PREFIX.exec(key);
  return match ? { gateway: match[1]!, key: key.slice(match[0].length) } : null;
}

/**
 * How a group is named to a person: its selector, followed by its gateway when there are several
 * (`{job="backup", instance="db-1"} on eu-1`). The article's accessible name, and the name in
 * confirmations and notices.
 */
export function groupTitle(group: { selector: string; gateway?: string | undefined }): string {
  return group.gateway === undefined ? group.selector : `${group.selector} on ${group.gateway}`;
}
