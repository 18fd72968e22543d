import { useCallback, useSyncExternalStore } from 'react';

/**
 * Values kept in the page URL's query string (?name=value), beside the hash route, so a reload or
 * a shared link restores them. Typing replaces the history entry; discrete choices can push one
 * so Back undoes them. Back and forward are followed.
 *
 * A replacing write (typing) reaches the app at once and the address bar after the next frame:
 * history.replaceState is a synchronous call to the browser process that took up to 17 ms a
 * keystroke on a busy machine, time the filtered list should not wait for.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** The query string written but not yet in the address bar. */
let pendingSearch: string | undefined;

/** The query string as the app sees it (including a write the address bar has yet to show). */
export const currentSearch = () => pendingSearch ?? window.location.search;

function flush() {
  if (pendingSearch === undefined) return;
  const url = new URL(window.location.href);
  url.search = pendingSearch;
  pendingSearch = undefined;
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

// Back and forward show another entry's query string: a write still pending belonged to the old one.
window.addEventListener('popstate', () => (pendingSearch = undefined));
window.addEventListener('pagehide', flush);

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  // The router's navigate() can change the query string too; it announces that as a hashchange.
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

export interface UrlUpdate {
  /** Add a history entry instead of replacing the current one. */
  push?: boolean;
}

function write(name: string, values: readonly string[], update?: UrlUpdate) {
  writeParams({ [name]: values }, update);
}

/** Writes several parameters at once: one history entry (or none) for all of them. */
export function writeParams(params: Readonly<Record<string, readonly string[]>>, { push = false }: UrlUpdate = {}) {
  const url = new URL(window.location.href);
  url.search = currentSearch();
  for (const [name, values] of Object.entries(params)) {
    url.searchParams.delete(name);
    for (const v of values) url.searchParams.append(name, v);
  }
  if (url.search === currentSearch()) return;
  if (push) {
    flush();
    window.history.pushState(window.history.state, '', url);
  } else {
    if (pendingSearch === undefined) requestAnimationFrame(() => setTimeout(flush));
    pendingSearch = url.search;
  }
  notify();
}

export function useUrlParam(name: string): [string | null, (value: string | null, update?: UrlUpdate) => void] {
  const value = useSyncExternalStore(subscribe, () => new URLSearchParams(currentSearch()).get(name));
  const setValue = useCallback(
    (next: string | null, update?: UrlUpdate) => write(name, next === null ? [] : [next], update),
    [name],
  );
  return [value, setValue];
}

/** A repeated parameter (?open=a&open=b), read as a list; the same list object while the URL is unchanged. */
let cachedSearch = '';
const cachedLists = new Map<string, string[]>();

function listFor(name: string): string[] {
  const search = currentSearch();
  if (search !== cachedSearch) {
    cachedSearch = search;
    cachedLists.clear();
  }
  let list = cachedLists.get(name);
  if (!list) {
    list = new URLSearchParams(search).getAll(name);
    cachedLists.set(name, list);
  }
  return list;
}

export function useUrlParams(name: string): [string[], (values: readonly string[], update?: UrlUpdate) => void] {
  const values = useSyncExternalStore(subscribe, () => listFor(name));
  const setValues = useCallback((next: readonly string[], update?: UrlUpdate) => write(name, next, update), [name]);
  return [values, setValues];
}
