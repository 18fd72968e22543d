// @ts-check
/** Pushing to and deleting from a gateway from Node: used by `npm run demo` and the e2e tests. */
import { groupPath } from '../core/group-path.js';

/** @typedef {Readonly<Record<string, string>>} Labels */

/**
 * @param {string | URL} baseUrl
 * @param {string} path
 * @param {RequestInit} init
 * @returns {Promise<{ status: number, text: string }>}
 */
async function send(baseUrl, path, init) {
  const url = new URL(path, baseUrl);
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    const c = /** @type {any} */ (error)?.cause;
    const cause = c?.code ?? c?.errors?.[0]?.code ?? c?.message ?? /** @type {Error} */ (error).message;
    throw new Error(`cannot reach the gateway at ${new URL(baseUrl).href}: ${cause}`);
  }
  return { status: response.status, text: await response.text() };
}

/**
 * Sends text exposition to a group (PUT replaces the group, POST only the families in the body).
 * @param {string | URL} baseUrl the gateway's address, ending in `/`
 * @param {Labels} labels
 * @param {string} body
 * @param {{ method?: 'PUT' | 'POST' }} [options]
 */
export function push(baseUrl, labels, body, { method = 'PUT' } = {}) {
  return send(baseUrl, groupPath(labels), {
    method,
    headers: { 'Content-Type': 'text/plain; version=0.0.4' },
    body: body.endsWith('\n') ? body : `${body}\n`,
  });
}

/**
 * @param {string | URL} baseUrl
 * @param {Labels} labels
 */
export function deleteGroup(baseUrl, labels) {
  return send(baseUrl, groupPath(labels), { method: 'DELETE' });
}

/** @param {string | URL} baseUrl */
export function wipe(baseUrl) {
  return send(baseUrl, 'api/v1/admin/wipe', { method: 'PUT' });
}
