/// <reference lib="webworker" />
/**
 * The shared poll (see hub.ts): one of these per origin and gateway in a browser, connected to by
 * every tab, reading the gateway (poll-load.ts). Where there is no SharedWorker the same script
 * runs as a tab's own dedicated worker: a hub with one tab, which polls as the tab alone wants.
 */
import { encodeError } from '../../../core/wire/error';
import { emptyMemory } from '../../../core/poll-diff';
import { diffRead, load } from '../poll-load';
import { PollHub, type HubError, type HubPort, type HubRead, type ToHub } from './hub';

declare const self: SharedWorkerGlobalScope | DedicatedWorkerGlobalScope;

const errorOf = (error: unknown): HubError => encodeError(error);

/** Reads the gateway, each read as the change since the one before (the memory is this reader's own). */
function diffingReader(): (base: string, onHead: Parameters<typeof diffRead>[2]) => Promise<HubRead> {
  let memory = emptyMemory();
  return async (base, onHead) => {
    const loaded = await load(base);
    if (!loaded.ok) return { ok: false, error: errorOf(loaded.error), fetchMs: loaded.fetchMs };
    try {
      const result = diffRead(memory, loaded.data, onHead);
      memory = result.memory;
      return { ok: true, diff: result.diff, fetchMs: loaded.fetchMs };
    } catch (error) {
      return { ok: false, error: errorOf(error), fetchMs: loaded.fetchMs };
    }
  };
}

const hub = new PollHub({
  read: diffingReader(),
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
});

/** One tab's messages to the hub. */
function listen(port: MessagePort | DedicatedWorkerGlobalScope): void {
  const tab: HubPort = { post: (message) => port.postMessage(message) };
  port.onmessage = (message: MessageEvent<ToHub>) => {
    const data = message.data;
    // Each tab holds a lock named after it for as long as it lives: granted here, it has closed
    // (also when it could not say goodbye).
    if (data.type === 'hello' && 'locks' in navigator) {
      void navigator.locks.request(`pushboard-tab-${data.tab}`, () => hub.drop(tab));
    }
    hub.receive(tab, data);
  };
}

if ('onconnect' in self) {
  self.onconnect = (event) => {
    const port = event.ports[0];
    if (port) listen(port);
  };
} else listen(self);
