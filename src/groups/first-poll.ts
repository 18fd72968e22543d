import { GroupsPoller } from './poller';
import { StreamPoller } from './stream-poller';

/**
 * The page's one source of groups, created by the entry before the rest of the app has even
 * loaded. Served by the Pushboard server, which holds the gateway's state, the page follows the
 * server's event stream (the server marks its index.html with the stream's address). Otherwise
 * (static files, or served by the gateway) a worker polls the gateway: its first fetch runs while
 * the browser parses React and the views, and the first poll reuses it if discovery agrees.
 */
const events = document.querySelector<HTMLMetaElement>('meta[name="pushboard-events"]')?.content;

export const poller: GroupsPoller | StreamPoller | undefined = events
  ? new StreamPoller(new URL(events, document.baseURI).href)
  : typeof Worker === 'undefined'
    ? undefined
    : new GroupsPoller();

if (poller instanceof GroupsPoller) {
  const base = new URL('./', document.baseURI).href;
  // No custom headers, so a <link rel=preload> of the same URL can answer it.
  poller.warm(base, fetch(new URL('api/v1/metrics', base)));
}
