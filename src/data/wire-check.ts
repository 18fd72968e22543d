/**
 * Whether this page can read the server it talks to (core/wire/version.ts). The stream's snapshot
 * and every `-/pushboard/` answer tell the server's wire version; the first of another major
 * stops the page following (the stream poller closes its stream) and raises the reload banner.
 */
import { useSyncExternalStore } from 'react';
import { WIRE_HEADER, wireFit } from '../../core/wire/version';
import { readJson } from '../gateway/client';

// The one exception to this folder's no-module-state rule, on purpose: whether the page must be
// reloaded is a fact about the page itself (its code against the one server that served it), like
// location, not about a client or a data source a test or a second gateway could make twice. Once
// set it stays set until the reload; tests reset it with resetWireCheck.
// eslint-disable-next-line no-restricted-syntax
let reloadFor: string | undefined;
// eslint-disable-next-line no-restricted-syntax
const listeners = new Set<() => void>();

/**
 * Notes the version a server answered with; returns false when this page cannot read it (another
 * major), and from then on.
 */
export function noteServerWire(version: string | null | undefined): boolean {
  if (reloadFor !== undefined) return false;
  if (wireFit(version) !== 'reload') return true;
  reloadFor = version ?? '';
  for (const listener of listeners) listener();
  return false;
}

/** The server's wire version when the page must be reloaded to read it; undefined while it can. */
export const serverWireMismatch = (): string | undefined => reloadFor;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The server's wire version when it is one this page cannot read, for the reload banner. */
export function useWireMismatch(): string | undefined {
  return useSyncExternalStore(subscribe, serverWireMismatch, serverWireMismatch);
}

/** For tests: forget a mismatch seen. */
export function resetWireCheck(): void {
  reloadFor = undefined;
  for (const listener of listeners) listener();
}

/** What a page reads from one of the server's own JSON answers. */
export class WireMismatchError extends Error {
  override name = 'WireMismatchError';
  constructor(readonly server: string) {
    super('Pushboard was updated on the server: reload this page.');
  }
}

/**
 * One of the server's own JSON answers (`-/pushboard/…`), read with its wire decoder after its
 * `Pushboard-Wire` header is checked. `notFound`: what a server without this route means (one
 * from before it), instead of an error; `prepare`: what must be loaded before the text is read.
 */
export async function fetchServerJson<T>(
  path: string | URL,
  parse: (json: unknown) => T,
  {
    signal,
    notFound,
    prepare,
  }: { signal?: AbortSignal; notFound?: () => T; prepare?: (text: string) => Promise<void> } = {},
): Promise<T> {
  const url = typeof path === 'string' ? new URL(path, document.baseURI) : path;
  const response = await fetch(url, { signal, cache: 'no-cache' });
  if (!noteServerWire(response.headers.get(WIRE_HEADER))) throw new WireMismatchError(reloadFor ?? '');
  if (response.status === 404 && notFound) return notFound();
  const text = await response.text();
  await prepare?.(text);
  return readJson(text, typeof path === 'string' ? path : url.pathname, parse);
}
