import { useSyncExternalStore } from 'react';
import { FRESH_MEMORY, remember, type PaceMemory, type PollOutcome } from './adaptive';

const NONE = () => () => {};

/** The poller's memory of its last outcomes, for the page to pace polling by (see adaptive.ts). */
export class Pacer {
  private memory: PaceMemory = FRESH_MEMORY;
  private listeners = new Set<() => void>();

  record(outcome: PollOutcome): void {
    this.memory = remember(this.memory, outcome);
    for (const listener of this.listeners) listener();
  }

  readonly get = (): PaceMemory => this.memory;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The pacer's memory, re-rendering when a poll ends; undefined without a pacer (the server polls). */
export function usePaceMemory(pacer: Pacer | undefined): PaceMemory | undefined {
  return useSyncExternalStore(pacer?.subscribe ?? NONE, () => pacer?.get());
}
