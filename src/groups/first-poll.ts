import { GroupsPoller } from './poller';

let poller: GroupsPoller | undefined;

/** The page's one poller (none where there are no workers), made on first use: importing starts nothing. */
export function getPoller(): GroupsPoller | undefined {
  if (!poller && typeof Worker !== 'undefined') poller = new GroupsPoller();
  return poller;
}

/**
 * Called by the entry before the rest of the app has even loaded, so the first fetch of a large
 * gateway runs (in the worker) while the browser parses React and the views; the API usually sits
 * beside the app, and the first poll reuses that fetch if discovery agrees.
 */
export function startFirstPoll(): void {
  const first = getPoller();
  if (!first) return;
  const base = new URL('./', document.baseURI).href;
  // No custom headers, so a <link rel=preload> of the same URL can answer it.
  first.warm(base, fetch(new URL('api/v1/metrics', base)));
}
