import { GroupsPoller } from './poller';
import { SharedPoller } from './shared/shared-poller';
import { StreamPoller } from './stream-poller';

export type Poller = GroupsPoller | StreamPoller | SharedPoller;

let poller: Poller | undefined;

/**
 * The page's one source of groups, made on first use (importing starts nothing). Served by the
 * Pushboard server, which holds the gateway's state, the page follows the server's event stream
 * (the server marks its index.html with the stream's address). Otherwise (static files, or
 * served by the gateway) the tabs of the origin share one poll in a SharedWorker (shared/hub.ts);
 * where there is none, a worker of the tab's own polls the gateway; none where there are no workers.
 */
export function getPoller(): Poller | undefined {
  if (poller) return poller;
  const events = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="pushboard-events"]')?.content;
  if (events) poller = new StreamPoller(new URL(events, document.baseURI).href);
  else if (typeof SharedWorker !== 'undefined') poller = new SharedPoller();
  else if (typeof Worker !== 'undefined') poller = new GroupsPoller();
  return poller;
}

/**
 * Called by the entry before the rest of the app has even loaded. Following the server's stream,
 * that opens it. Otherwise, as soon as the gateway's place is known (config.json, or discovery),
 * the tab joins the shared poll, or (a worker of its own) starts the first fetch, which runs while
 * the browser parses React and the views. Nothing is fetched at a guessed place: a wrong guess is
 * a failed request, and a second tab must not fetch what the shared poll already holds.
 */
export function startFirstPoll(gatewayBase: Promise<string>): void {
  const first = getPoller();
  if (first instanceof StreamPoller || !first) return;
  void gatewayBase.then((gatewayBase) => {
    if (first instanceof SharedPoller) return first.connect(gatewayBase);
    // No custom headers, so a <link rel=preload> of the same URL could answer it.
    const startedAt = performance.now();
    first.warm(gatewayBase, fetch(new URL('api/v1/metrics', gatewayBase)), startedAt);
  });
}
