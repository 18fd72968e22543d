import { useSyncExternalStore } from 'react';
import type { Pace } from './adaptive';
import { SharedPoller } from './shared/shared-poller';
import { StreamPoller } from './stream-poller';
import { useDataSource } from './source-context';

const NONE = () => () => {};

/**
 * Where the groups come from: the browser polling the gateway (at an adaptive pace; `tabs` of one
 * origin sharing one poll, whose `refresh` makes it poll now), or the Pushboard server's stream
 * (the server polls at its own interval; `refresh` makes it poll now).
 */
export type PollSource =
  | { kind: 'browser'; pace?: Pace; tabs?: number; refresh?: () => Promise<void> }
  | { kind: 'server'; intervalMs?: number; refresh: () => Promise<void> };

/** Where the page's groups come from, and at what pace, for the poll controls and the alert. */
export function usePollSource(): PollSource {
  const poller = useDataSource().poller;
  const stream = poller instanceof StreamPoller ? poller : undefined;
  const shared = poller instanceof SharedPoller ? poller : undefined;
  const serverIntervalMs = useSyncExternalStore(stream?.subscribe ?? NONE, () => stream?.serverIntervalMs());
  const status = useSyncExternalStore(shared?.subscribe ?? NONE, () => shared?.getStatus());
  if (stream) return { kind: 'server', intervalMs: serverIntervalMs, refresh: () => stream.refresh() };
  // The shared poll's pace is null while no tab wants polls (every one hidden or paused).
  if (shared)
    return { kind: 'browser', pace: status?.pace ?? undefined, tabs: status?.tabs, refresh: () => shared.refresh() };
  return { kind: 'browser' };
}
