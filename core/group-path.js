// @ts-check
/**
 * Group paths for pushing and deleting: `metrics/job@base64/<v>/<name>@base64/<v>…`, relative to
 * the gateway's base. Every value is base64url-encoded (RFC 4648 §5, no padding; an empty value is
 * `=`), so `/`, empty values, `%`, `?`, `#` and any Unicode address exactly the right group.
 *
 * A label name outside `[a-zA-Z_][a-zA-Z0-9_]*` (possible on gateways 1.11+ started with
 * `--push.enable-utf8-names`) is written with the gateway's `U__` escaping: `foo.bar` is
 * `U__foo_2e_bar`.
 *
 * Plain JavaScript so that the app, the end-to-end tests and the Node scripts share one encoder.
 * On Debian's 1.5.1 gateway, invalid base64 on a job@base64 route wedges that route until a
 * restart: never send a path this module did not build.
 */

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * UTF-8 → base64url without padding; `=` for the empty string (the gateway's spelling of "empty").
 * @param {string} value
 * @returns {string}
 */
export function base64url(value) {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return encoded === '' ? '=' : encoded;
}

/**
 * Whether `name` is a label name every gateway takes: `[a-zA-Z_][a-zA-Z0-9_]*`.
 * @param {string} name
 */
export const isLegacyLabelName = (name) => LABEL_NAME.test(name);

/**
 * Throws unless `name` may be a grouping label: not empty, valid UTF-8, not starting with `__`
 * (reserved by Prometheus).
 * @param {string} name
 */
export function checkLabelName(name) {
  if (name === '' || name.startsWith('__') || /\p{Cs}/u.test(name)) {
    throw new Error(`"${name}" is not a valid grouping label name`);
  }
}

/**
 * A label name as a path segment: as it is when every gateway takes it, otherwise in the
 * gateway's `U__` escaping (prometheus/common's "values" escaping): `_` is written `__`, letters
 * and digits (not first) stand as they are, and every other character is `_<hex code point>_`.
 * @param {string} name
 * @returns {string}
 */
export function escapeLabelName(name) {
  checkLabelName(name);
  if (isLegacyLabelName(name)) return name;
  let out = 'U__';
  let first = true;
  for (const char of name) {
    if (char === '_') out += '__';
    else if (/[a-zA-Z]/.test(char) || (!first && /[0-9]/.test(char))) out += char;
    else out += `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
    first = false;
  }
  return out;
}

/**
 * The path of the group with these grouping labels: job first, then the others by name.
 * @param {Readonly<Record<string, string>>} labels
 * @returns {string}
 */
export function groupPath(labels) {
  const job = labels.job;
  if (typeof job !== 'string' || job === '') throw new Error('a group needs a non-empty job label');
  const names = Object.keys(labels)
    .filter((n) => n !== 'job')
    .sort();
  let path = `metrics/job@base64/${base64url(job)}`;
  for (const name of names) {
    path += `/${escapeLabelName(name)}@base64/${base64url(labels[name] ?? '')}`;
  }
  return path;
}
