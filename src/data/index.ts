/**
 * The page's data layer: where the groups come from and at what pace. The only entry the rest of
 * the app imports (eslint.config.js refuses imports of the files behind it), except the page's
 * entry (src/main.tsx), which starts the first poll from `./first-poll` so that it loads no React.
 *
 * One interface serves both modes, and the UI does not know which is behind it:
 * - `useGroups(interval)`: the groups, as a React Query result (`GroupsData`);
 * - `usePollSource()`: where they come from and at what pace (`PollSource`), for the poll
 *   controls and the connection alert, with `refresh` to poll now.
 *
 * The page's entry makes the data source (`createDataSource`, first-poll.ts) at start-up and the
 * app provides it at its root (`DataSourceContext`), beside the gateway client; the source owns its
 * poller, and no module of this folder holds state.
 *
 * Behind it (first-poll.ts picks one per page, when the source is made):
 * - served by the Pushboard server (its index.html has `<meta name="pushboard-events">`): the
 *   server's event stream (stream-poller.ts, which keeps what it delivered in stream-groups.ts);
 * - static files, or served by the gateway: the browser polls the gateway itself at an adaptive
 *   pace (adaptive.ts), one poll shared by every tab of the origin in a SharedWorker (shared/hub.ts,
 *   shared/shared.worker.ts, reading with poll-load.ts; shared/shared-poller.ts is a tab's side),
 *   or in a worker of the tab's own where there is no SharedWorker.
 */
export { useGroups, groupsQueryOptions, type GroupsData, type GatewayDown } from './query';
export { usePollSource, type PollSource } from './poll-source';
export { DataSourceContext, useDataSource } from './source-context';
export { createDataSource, type DataSource } from './first-poll';
export { fetchServerJson, noteServerWire, useWireMismatch, WireMismatchError } from './wire-check';
export {
  FRESH_MEMORY,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  REFUSALS,
  SLOW_FACTOR,
  formatWait,
  pace,
  remember,
  type Pace,
  type PaceMemory,
  type PollOutcome,
} from './adaptive';
