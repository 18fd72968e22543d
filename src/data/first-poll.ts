import { SharedPoller } from './shared/shared-poller';
import { StreamPoller } from './stream-poller';

export type Poller = StreamPoller | SharedPoller;

let poller: Poller | undefined;

/**
 * The page's one source of groups, made on first use (importing starts nothing). Served by the
 * Pushboard server, which holds the gateway's state, the page follows the server's event stream
 * (the server marks its index.html with the stream's address). Otherwise (static files, or
 * served by the gateway) the tabs of the origin share one poll in a SharedWorker (shared/hub.ts);
 * where there is none, the same poll runs in a worker of the tab's own; none without workers.
 */
export function getPoller(): Poller | undefined {
  if (poller) return poller;
  const events = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="pushboard-events"]')?.content;
  if (events) poller = new StreamPoller(new URL(events, document.baseURI).href);
  else if (typeof Worker !== 'undefined') poller = new SharedPoller();
  return poller;
}

/**
 * Called by the entry before the rest of the app has even loaded. Following the server's stream,
 * that opens it. Otherwise the tab joins the shared poll as soon as the gateway's place is known
 * (config.json, or discovery), while the browser parses React and the views. Nothing is fetched at
 * a guessed place: a wrong guess is a failed request, and a second tab must not fetch what the
 * shared poll already holds.
 */
export function startFirstPoll(gatewayBase: Promise<string>): void {
  const first = getPoller();
  if (first instanceof SharedPoller) void gatewayBase.then((base) => first.connect(base));
}
