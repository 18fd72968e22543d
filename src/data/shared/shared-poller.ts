import { decodeError } from '../../../core/wire/error';
import { applyDiff, listOf, type GroupStore } from '../../../core/poll-diff';
import type { GroupsData } from '../query';
import type { Follower } from '../stream-poller';
import type { FromHub, HubStatus, TabState, ToHub } from './hub';

/** How long Refresh now waits for the shared poll's read to end. */
const REFRESH_WAIT_MS = 30_000;

/**
 * A tab's side of the shared poll (hub.ts, in a SharedWorker, or a worker of the tab's own where
 * there is none): the same `poll`, `follow` and
 * `refresh` as the server's stream, the model kept as it arrives, and this tab's wishes (its
 * interval, paused, hidden) sent to the hub, which polls for all tabs at once.
 */
export class SharedPoller {
  private port: MessagePort | Worker | undefined;
  private store: GroupStore = { byKey: new Map(), order: [] };
  private data: GroupsData | undefined;
  private status: HubStatus | undefined;
  private lost: string | undefined;
  private follower: Follower | undefined;
  private intervalMs = 5000;
  private first: Promise<void>;
  private firstArrived!: () => void;
  private listeners = new Set<() => void>();
  private readonly id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  constructor() {
    this.first = new Promise((resolve) => (this.firstArrived = resolve));
  }

  /** Joins the shared poll of the gateway at `base` (once; its worker is named after the base). */
  connect(base: string): void {
    if (this.port) return;
    // The same script either way: shared by every tab of the origin, or where there is no
    // SharedWorker (Chrome on Android) this tab's own.
    const name = `pushboard-poll ${base}`;
    const worker =
      typeof SharedWorker === 'undefined'
        ? new Worker(new URL('./shared.worker.ts', import.meta.url), { type: 'module', name })
        : new SharedWorker(new URL('./shared.worker.ts', import.meta.url), { type: 'module', name });
    this.port = worker instanceof Worker ? worker : worker.port;
    worker.onerror = () => this.fail('The poll worker failed to start.');
    this.port.onmessage = (event: MessageEvent<FromHub>) => this.receive(event.data);
    const hello = () => this.send({ type: 'hello', tab: this.id, base, state: this.state() });
    document.addEventListener('visibilitychange', () => this.send({ type: 'state', state: this.state() }));
    window.addEventListener('pagehide', () => this.send({ type: 'bye' }));
    window.addEventListener('pageshow', (event) => event.persisted && hello());
    // A lock held for as long as this tab lives: the hub asks for it, and is granted it when the
    // tab has gone, even without a goodbye. The hello waits until the lock is this tab's.
    if (!navigator.locks) return hello();
    void navigator.locks.request(`pushboard-tab-${this.id}`, () => {
      hello();
      return new Promise(() => {});
    });
  }

  /** Whom to tell about changes as they arrive; undefined while the page is paused. */
  follow(follower: Follower | undefined, intervalMs?: number): void {
    this.follower = follower;
    if (intervalMs) this.intervalMs = intervalMs;
    this.send({ type: 'state', state: this.state() });
    if (follower && this.data) follower.data(this.data);
  }

  /** The shared poll's last status (how many tabs, the pace, the error), for the poll controls. */
  readonly getStatus = (): HubStatus | undefined => this.status;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Refresh now: the shared poll reads the gateway at once; resolves when that read has ended. */
  async refresh(): Promise<void> {
    const seen = this.status?.polls ?? 0;
    this.send({ type: 'refresh' });
    await new Promise<void>((resolve) => {
      const done = () => {
        if ((this.status?.polls ?? 0) <= seen && !this.lost) return;
        stop();
        clearTimeout(timer);
        resolve();
      };
      const stop = this.subscribe(done);
      const timer = setTimeout(() => (stop(), resolve()), REFRESH_WAIT_MS);
    });
  }

  /** What the shared poll has delivered, or the error of its last read. */
  async poll(onPartial?: (data: GroupsData) => void): Promise<GroupsData> {
    if (!this.data) {
      await this.first;
      const arrived = this.data as GroupsData | undefined;
      if (arrived?.partial) onPartial?.(arrived);
    }
    if (this.lost) throw new Error(this.lost);
    const error = this.status?.error;
    if (error) throw decodeError(error);
    return this.data!;
  }

  private state(): TabState {
    return { visible: document.visibilityState !== 'hidden', paused: !this.follower, intervalMs: this.intervalMs };
  }

  private send(message: ToHub): void {
    this.port?.postMessage(message);
  }

  private fail(message: string): void {
    this.lost = message;
    this.firstArrived();
    this.follower?.refetch();
  }

  private receive(message: FromHub): void {
    if (message.type === 'snapshot') {
      this.store = { byKey: new Map(message.groups.map((g) => [g.key, g])), order: message.order };
      this.publish(this.build(!message.complete));
      this.firstArrived();
      if (!message.complete) this.askForRest();
    } else if (message.type === 'diff') {
      if (applyDiff(this.store, message.diff)) this.publish(this.build(false));
    } else this.onStatus(message.status);
  }

  /** The whole model once the first screenful is on screen (the next frame, then a task). */
  private askForRest(): void {
    let asked = false;
    const ask = () => {
      if (asked) return;
      asked = true;
      this.send({ type: 'rest' });
    };
    requestAnimationFrame(() => setTimeout(ask));
    // A hidden tab draws no frames.
    setTimeout(ask, 500);
  }

  private onStatus(status: HubStatus): void {
    const errorChanged = Boolean(status.error) !== Boolean(this.status?.error);
    this.status = status;
    for (const listener of this.listeners) listener();
    // An error known before any data: the first poll has its answer.
    if (status.error && !this.data) this.firstArrived();
    if (errorChanged || status.error) this.follower?.refetch();
  }

  private publish(data: GroupsData): void {
    this.data = data;
    this.follower?.data(data);
  }

  private build(partial: boolean): GroupsData {
    const groups = listOf(this.store);
    return partial ? { groups, partial: this.store.order.length } : { groups };
  }
}
