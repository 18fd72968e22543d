import { SharedPoller } from './shared/shared-poller';
import { StreamPoller } from './stream-poller';

export type Poller = StreamPoller | SharedPoller;

/**
 * The page's one source of groups, made once at start-up by the entry (src/main.tsx) and handed
 * to the app (DataSourceContext): it owns its poller, and this module holds nothing.
 */
export interface DataSource {
  /** The server's stream, the shared poll, or none (no workers): the groups are then fetched per poll. */
  readonly poller: Poller | undefined;
  /**
   * Starts the first poll. Following the server's stream, the poller opened it already. Otherwise
   * the tab joins the shared poll as soon as the gateway's place is known (config.json, or
   * discovery), while the browser parses React and the views. Nothing is fetched at a guessed
   * place: a wrong guess is a failed request, and a second tab must not fetch what the shared
   * poll already holds.
   */
  start(gatewayBase: Promise<string>): void;
}

/**
 * The poller for this page. Served by the Pushboard server, which holds the gateway's state, the
 * page follows the server's event stream (the server marks its index.html with the stream's
 * address). Otherwise (static files, or served by the gateway) the tabs of the origin share one
 * poll in a SharedWorker (shared/hub.ts); where there is none, the same poll runs in a worker of
 * the tab's own; none without workers.
 */
export function pagePoller(doc: Document | undefined = globalThis.document): Poller | undefined {
  const events = doc?.querySelector<HTMLMetaElement>('meta[name="pushboard-events"]')?.content;
  if (events) return new StreamPoller(new URL(events, doc!.baseURI).href);
  if (typeof Worker !== 'undefined') return new SharedPoller();
  return undefined;
}

/**
 * A data source around `poller` (this page's, by default). Called by the entry before the rest of
 * the app has even loaded; tests make their own, without a poller.
 */
export function createDataSource(poller: Poller | undefined = pagePoller()): DataSource {
  return {
    poller,
    start(gatewayBase) {
      if (poller instanceof SharedPoller) void gatewayBase.then((base) => poller.connect(base));
    },
  };
}
