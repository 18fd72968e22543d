import { GroupsPoller } from './poller';
import { StreamPoller } from './stream-poller';

let poller: GroupsPoller | StreamPoller | undefined;

/**
 * The page's one source of groups, made on first use (importing starts nothing). Served by the
 * Pushboard server, which holds the gateway's state, the page follows the server's event stream
 * (the server marks its index.html with the stream's address). Otherwise (static files, or
 * served by the gateway) a worker polls the gateway; none where there are no workers.
 */
export function getPoller(): GroupsPoller | StreamPoller | undefined {
  if (poller) return poller;
  const events = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="pushboard-events"]')?.content;
  if (events) poller = new StreamPoller(new URL(events, document.baseURI).href);
  else if (typeof Worker !== 'undefined') poller = new GroupsPoller();
  return poller;
}

/**
 * Called by the entry before the rest of the app has even loaded. Following the server's stream,
 * that opens it; polling the gateway, the first fetch of a large gateway runs (in the worker) while
 * the browser parses React and the views, and the first poll reuses it if discovery agrees.
 */
export function startFirstPoll(): void {
  const first = getPoller();
  if (!(first instanceof GroupsPoller)) return;
  const base = new URL('./', document.baseURI).href;
  // No custom headers, so a <link rel=preload> of the same URL can answer it.
  const startedAt = performance.now();
  first.warm(base, fetch(new URL('api/v1/metrics', base)), startedAt);
}
