import { useSyncExternalStore } from 'react';
import { pace } from '../polling/adaptive';
import { usePaceMemory } from '../polling/pacer';
import type { PollSource } from '../polling/PollControls';
import { getPoller } from './first-poll';
import { GroupsPoller } from './poller';
import { StreamPoller } from './stream-poller';

const NONE = () => () => {};

/** Where the page's groups come from, and at what pace, for the poll controls and the alert. */
export function usePollSource(chosenMs: number): PollSource {
  const poller = getPoller();
  const stream = poller instanceof StreamPoller ? poller : undefined;
  const memory = usePaceMemory(poller instanceof GroupsPoller ? poller.pacer : undefined);
  const serverIntervalMs = useSyncExternalStore(stream?.subscribe ?? NONE, () => stream?.serverIntervalMs());
  if (stream) return { kind: 'server', intervalMs: serverIntervalMs, refresh: () => stream.refresh() };
  return { kind: 'browser', pace: memory && pace(chosenMs, memory) };
}
