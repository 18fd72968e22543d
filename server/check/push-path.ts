/**
 * A push path as the gateway reads it (handler/push.go): `metrics/job/<job>{/<name>/<value>}`,
 * `job@base64/<job>` and `<name>@base64/<value>` in the URL-safe alphabet with optional padding,
 * and on 1.11+ with --push.enable-utf8-names, `U__` escaped label names. The errors are the
 * gateway's own wording (its 400 answers).
 */
import { goQuote } from './go-format';

export interface PathRules {
  /** The gateway's release: 1.11+ decodes U__ names when utf8Names is on. */
  utf8Names: boolean;
}

export type PathResult = { ok: true; labels: Record<string, string> } | { ok: false; reason: string; hangs?: boolean };

const B64 = /^[A-Za-z0-9_-]*$/;

/** Go's base64.RawURLEncoding.DecodeString after strings.TrimRight(s, "="). */
export function decodeBase64(s: string): { ok: true; value: string } | { ok: false; error: string } {
  const trimmed = s.replace(/=+$/, '');
  const bad = [...trimmed].findIndex((c) => !B64.test(c));
  if (bad >= 0) return { ok: false, error: `illegal base64 data at input byte ${bad}` };
  if (trimmed.length % 4 === 1) return { ok: false, error: `illegal base64 data at input byte ${trimmed.length - 1}` };
  const bytes = Buffer.from(trimmed, 'base64url');
  return { ok: true, value: new TextDecoder().decode(bytes) };
}

const legacyName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** model.UnescapeName(name, ValueEncodingEscaping) of prometheus/common. */
export function unescapeName(name: string): string {
  if (!name.startsWith('U__')) return name;
  const escaped = name.slice(3);
  let out = '';
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] !== '_') {
      out += escaped[i];
      continue;
    }
    i++;
    if (i >= escaped.length) return name;
    if (escaped[i] === '_') {
      out += '_';
      continue;
    }
    let code = 0;
    let j = 0;
    for (; i < escaped.length; j++, i++) {
      if (j >= 6) return name;
      if (escaped[i] === '_') break;
      const digit = parseInt(escaped[i]!.toLowerCase(), 16);
      if (Number.isNaN(digit) || !/[0-9a-f]/i.test(escaped[i]!)) return name;
      code = code * 16 + digit;
    }
    if (i >= escaped.length) return name;
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return name;
    out += String.fromCodePoint(code);
  }
  return out;
}

/**
 * The grouping key of a push path (after `metrics/`): `job/<job>/...` or `job@base64/<job>/...`,
 * each segment still percent-encoded as it came.
 */
export function readPushPath(path: string, rules: PathRules): PathResult {
  const segments = path.split('/');
  const head = segments[0];
  if ((head !== 'job' && head !== 'job@base64') || segments.length < 2) {
    return { ok: false, reason: 'a push path is metrics/job/<JOB>{/<LABEL>/<VALUE>}' };
  }
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return { ok: false, reason: 'the path is not valid percent-encoding' };
  }
  let job = decoded[1]!;
  if (head === 'job@base64') {
    const value = decodeBase64(job);
    if (!value.ok) {
      return {
        ok: false,
        reason: `invalid base64 encoding in job name ${goQuote(job)}: ${value.error}`,
        hangs: true,
      };
    }
    job = value.value;
  }
  const rest = decoded.slice(2);
  const labels: Record<string, string> = {};
  if (rest.length % 2 !== 0) {
    return { ok: false, reason: `odd number of components in label string ${goQuote(`/${rest.join('/')}`)}` };
  }
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!;
    const value = rest[i + 1]!;
    const trimmed = name.endsWith('@base64') ? name.slice(0, -'@base64'.length) : name;
    const unescaped = rules.utf8Names ? unescapeName(trimmed) : trimmed;
    const valid = rules.utf8Names ? unescaped.length > 0 : legacyName.test(unescaped);
    if (!valid || trimmed.startsWith('__')) return { ok: false, reason: `improper label name ${goQuote(trimmed)}` };
    if (name === trimmed) {
      labels[unescaped] = value;
      continue;
    }
    const decodedValue = decodeBase64(value);
    if (!decodedValue.ok) {
      return {
        ok: false,
        reason: `invalid base64 encoding for label ${trimmed}=${goQuote(value)}: ${decodedValue.error}`,
      };
    }
    labels[unescaped] = decodedValue.value;
  }
  if (job === '') return { ok: false, reason: 'job name is required' };
  labels.job = job;
  return { ok: true, labels };
}
