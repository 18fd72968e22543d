import { GatewayError, gatewayUrl } from '../gateway/client';
import type { Group } from '../../core/metrics-types';
import type { GroupsData } from './api';
import { applyDiff, type GroupStore } from '../../core/poll-diff';
import type { EarlyAnswer, PollReply, PollRequest } from './poll.worker';
import { Pacer } from '../polling/pacer';

/**
 * The page's side of the poll worker: keeps the groups, applies each diff, and hands back the same
 * GroupsData object when nothing changed, so a quiet poll costs the page next to nothing.
 */
export class GroupsPoller {
  private worker: Worker | undefined;
  private nextId = 1;
  private waiting = new Map<number, (reply: PollReply) => void>();
  private partials = new Map<number, (reply: PollReply) => void>();
  private store: GroupStore = { byKey: new Map(), order: [] };
  private data: GroupsData | undefined;
  private reset = true;
  /** What the polls taught about the gateway's pace: how long it takes, whether it refuses. */
  readonly pacer = new Pacer();

  private start(): Worker {
    const worker = new Worker(new URL('./poll.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PollReply>) => {
      const reply = event.data;
      if (reply.ok && reply.partial) {
        this.partials.get(reply.id)?.(reply);
        return;
      }
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
      this.partials.delete(reply.id);
    };
    worker.onerror = (event) => {
      for (const resolve of this.waiting.values()) {
        resolve({ id: 0, ok: false, error: { kind: 'other', message: `The poll worker failed: ${event.message}` } });
      }
      this.waiting.clear();
      this.worker = undefined;
      this.reset = true;
    };
    return worker;
  }

  /**
   * Hands the worker a first fetch the page started at `guessedBase` while it still reads its
   * configuration (the page can start it sooner than a new worker can); the first poll uses it if
   * the base turns out the same. The bytes move to the worker without a copy. `startedAt` is the
   * `performance.now()` of the request: its time until the body is read paces the next poll.
   */
  warm(guessedBase: string, early: Promise<Response>, startedAt: number): void {
    const worker = (this.worker ??= this.start());
    const send = (answer: EarlyAnswer | null, transfer: Transferable[] = []) =>
      worker.postMessage({ id: 0, prefetched: answer } satisfies PollRequest, transfer);
    worker.postMessage({ id: 0, prefetch: guessedBase } satisfies PollRequest);
    early
      .then(async (response) => {
        const body = await response.arrayBuffer();
        const { status, statusText } = response;
        const retryAfter = response.headers.get('Retry-After');
        send({ status, statusText, retryAfter, body, fetchMs: performance.now() - startedAt }, [body]);
      })
      .catch(() => send(null));
  }

  /** One poll; `onPartial` sees the top of the list first when a large first load arrives in parts. */
  async poll(onPartial?: (data: GroupsData) => void): Promise<GroupsData> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const reply = await new Promise<PollReply>((resolve) => {
      this.waiting.set(id, resolve);
      this.partials.set(id, (part) => {
        if (part.ok) applyDiff(this.store, part.diff);
        onPartial?.(this.snapshot(true));
        // Ask for the rest once the first part is on screen (after the next frame).
        requestAnimationFrame(() =>
          setTimeout(() => this.worker?.postMessage({ id, rest: true } satisfies PollRequest)),
        );
      });
      const request: PollRequest = { id, base: gatewayUrl('./'), reset: this.reset };
      this.worker!.postMessage(request);
      this.reset = false;
    });
    const at = Date.now();
    if (!reply.ok) {
      const { kind, message, status, retryAfter } = reply.error;
      this.pacer.record({ at, fetchMs: reply.fetchMs, status, retryAfter });
      throw kind === 'other' ? new Error(message) : new GatewayError(kind, message, status, retryAfter);
    }
    this.pacer.record({ at, fetchMs: reply.fetchMs });
    // Applied whatever becomes of this poll, so the page stays in step with the worker's memory.
    if (applyDiff(this.store, reply.diff) || !this.data || this.data.partial) this.data = this.snapshot(false);
    return this.data;
  }

  private snapshot(partial: boolean): GroupsData {
    const groups: Group[] = [];
    for (const key of this.store.order) {
      const group = this.store.byKey.get(key);
      if (group) groups.push(group);
    }
    return partial ? { groups, partial: this.store.order.length } : { groups };
  }
}
