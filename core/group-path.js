// @ts-check
/**
 * Group paths for pushing and deleting: `metrics/job@base64/<v>/<name>@base64/<v>…`, relative to
 * the gateway's base. Every value is base64url-encoded (RFC 4648 §5, no padding; an empty value is
 * `=`), so `/`, empty values, `%`, `?`, `#` and any Unicode address exactly the right group.
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
 * Throws unless `name` may be a grouping label: `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with `__`.
 * @param {string} name
 */
export function checkLabelName(name) {
  if (!LABEL_NAME.test(name) || name.startsWith('__')) {
    throw new Error(`"${name}" is not a valid grouping label name`);
  }
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
    checkLabelName(name);
    path += `/${name}@base64/${base64url(labels[name] ?? '')}`;
  }
  return path;
}
