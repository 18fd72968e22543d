/**
 * The one parse of a request's target. Every later decision (allowed hosts aside) — the read-only
 * and cross-site gates, the allow-list of gateway paths, static files and the proxy — sees only
 * the canonical form made here, so no two layers can read one path two ways (a backslash that one
 * parser keeps and another turns into `/` was enough to wipe a read-only dashboard's gateway).
 */

/**
 * `path` is the decoded path the decisions are made on; `url` the canonical, re-encoded path
 * plus the untouched query, which is what Express routes and the proxy forwards.
 */
export interface Target {
  ok: true;
  path: string;
  url: string;
}

export interface Refusal {
  ok: false;
  reason: string;
}

/**
 * Percent-encodes a decoded path segment so that only unreserved characters, `@` and `=` stand as
 * they are (`job@base64/YQ==` stays readable). Encoding `:` also keeps http-proxy's URL joining
 * from ever seeing `http:/` in a path.
 */
export function encodeSegment(segment: string) {
  return encodeURIComponent(segment)
    .replace(/%40/g, '@')
    .replace(/%3D/g, '=')
    .replace(/[!'()*]/g, hex);
}

function hex(c: string) {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * Parses a raw request target (`req.url` as it came off the wire).
 */
export function parseTarget(raw: string): Target | Refusal {
  if (!raw.startsWith('/')) {
    // Absolute-form (`http://host/path`), authority-form and `*`: this server is no proxy.
    return { ok: false, reason: 'the request target must be a path starting with "/"' };
  }
  // A fragment is never sent by browsers; the proxy's URL parser would silently drop it.
  if (raw.includes('#')) return { ok: false, reason: 'the target holds a "#"' };
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt);
  if (rawPath.includes('\\')) return { ok: false, reason: 'the path holds a backslash' };
  if (/%(2f|5c)/i.test(rawPath)) return { ok: false, reason: 'the path holds an encoded slash or backslash' };
  // Control characters and NUL, encoded; raw ones, spaces and raw non-ASCII bytes (which browsers
  // always percent-encode, and which Node reads as Latin-1 while the gateway reads UTF-8).
  if (/%(0[0-9a-f]|1[0-9a-f]|7f)/i.test(rawPath)) return { ok: false, reason: 'the path holds a control character' };
  if (/[^\x21-\x7e]/.test(rawPath))
    return { ok: false, reason: 'the path holds a character that must be percent-encoded' };
  if (/\/\//.test(rawPath)) return { ok: false, reason: 'the path holds an empty segment ("//")' };
  const segments = rawPath.slice(1).split('/');
  /** @type {string[]} */
  const decoded: string[] = [];
  for (const segment of segments) {
    let text;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return { ok: false, reason: 'the path holds an invalid percent-encoding' };
    }
    if (text === '.' || text === '..') return { ok: false, reason: 'the path holds a dot segment' };
    decoded.push(text);
  }
  return {
    ok: true,
    path: `/${decoded.join('/')}`,
    url: `/${decoded.map(encodeSegment).join('/')}${query}`,
  };
}
