import { pace } from '../polling/adaptive';
import { usePaceMemory } from '../polling/pacer';
import type { PollSource } from '../polling/PollControls';
import { getPoller } from './first-poll';
import { GroupsPoller } from './poller';

/** Where the page's groups come from, and at what pace, for the poll controls and the alert. */
export function usePollSource(chosenMs: number): PollSource {
  const poller = getPoller();
  const memory = usePaceMemory(poller instanceof GroupsPoller ? poller.pacer : undefined);
  return { kind: 'browser', pace: memory && pace(chosenMs, memory) };
}
