import { GroupsPoller } from './poller';

/**
 * The page's one poller. Created by the entry before the rest of the app has even loaded, so the
 * first fetch of a large gateway runs (in the worker) while the browser parses React and the views;
 * the API usually sits beside the app, and the first poll reuses that fetch if discovery agrees.
 */
export const poller = typeof Worker === 'undefined' ? undefined : new GroupsPoller();
if (poller && !window.location.hash.startsWith('#/status')) poller.warm(new URL('./', document.baseURI).href);
