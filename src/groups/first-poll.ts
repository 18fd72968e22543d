import { GroupsPoller } from './poller';

/**
 * The page's one poller. Created by the entry before the rest of the app has even loaded, so the
 * first fetch of a large gateway runs (in the worker) while the browser parses React and the views;
 * the API usually sits beside the app, and the first poll reuses that fetch if discovery agrees.
 */
export const poller = typeof Worker === 'undefined' ? undefined : new GroupsPoller();
if (poller) {
  const base = new URL('./', document.baseURI).href;
  // No custom headers, so a <link rel=preload> of the same URL can answer it.
  poller.warm(base, fetch(new URL('api/v1/metrics', base)));
}
