/**
 * One poll of the gateway for every tab of an origin in one browser (static files or served by
 * the gateway; the Pushboard server has a poll of its own). This is the SharedWorker's logic, kept
 * free of the worker so it can be tested: it reads the gateway at the pace the tabs want, keeps
 * the one model of the groups, sends each tab a snapshot when it joins (the first screenful first)
 * and every change after, and forgets a tab when it closes.
 *
 * Why a SharedWorker rather than a leader tab elected with Web Locks and BroadcastChannel: the
 * poll already runs in a worker (fetching and parsing 16 MB takes longer than a frame), and a
 * shared one lives as long as any tab of the origin does, so a tab closing hands over nothing:
 * there is no election and no gap. Its timers are not throttled like a hidden leader tab's, and a
 * new tab's snapshot goes over that tab's own port, where a BroadcastChannel copies every message
 * into every tab. Where there is no SharedWorker (Chrome on Android), each tab polls as before.
 */
import type { Group } from '../../../core/metrics-types';
import { applyDiff, type GroupStore, type PollDiff } from '../../../core/poll-diff';
import type { WireError } from '../../../core/wire/error';
import { FRESH_MEMORY, pace, remember, type Pace, type PaceMemory } from '../adaptive';
import { FIRST_CHUNK } from '../poll-load';

/** What a tab wants: polls at its chosen interval, unless it is hidden or paused. */
export interface TabState {
  visible: boolean;
  paused: boolean;
  intervalMs: number;
}

export type ToHub =
  | { type: 'hello'; tab: string; base: string; state: TabState }
  | { type: 'state'; state: TabState }
  /** Refresh now: read the gateway at once (or take the read under way). */
  | { type: 'refresh' }
  /** The tab has drawn the first screenful of its snapshot: send the whole of it. */
  | { type: 'rest' }
  | { type: 'bye' };

export type HubError = WireError;

export interface HubStatus {
  /** The tabs sharing this poll, this one included. */
  tabs: number;
  /** The pace of the polls; null while no tab wants them (all hidden or paused). */
  pace: Pace | null;
  error: HubError | null;
  /** When the last read succeeded (ms since the epoch). */
  lastSuccess: number | null;
  /** Reads ended so far. */
  polls: number;
}

export type FromHub =
  /** The model: the first screenful with every key (`complete` false), or all of it. */
  | { type: 'snapshot'; groups: Group[]; order: string[]; complete: boolean }
  | { type: 'diff'; diff: PollDiff }
  | { type: 'status'; status: HubStatus };

/** One read of the gateway, as a diff against the last one. */
export type HubRead = { ok: true; diff: PollDiff; fetchMs: number } | { ok: false; error: HubError; fetchMs?: number };

export interface HubIo {
  /** Reads the gateway at `base`; a large first read gives its first screenful to `onHead` early. */
  read(base: string, onHead: (head: Group[], order: string[]) => void): Promise<HubRead>;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface HubPort {
  post(message: FromHub): void;
}

/** How far a tab has the model: nothing yet, the first screenful, or all of it (then every diff). */
interface Tab {
  id: string;
  state: TabState;
  has: 'nothing' | 'head' | 'all';
  wantsRest: boolean;
}

/** A snapshot of more than twice this many groups goes in two parts (the first screenful, then all). */
export const HEAD_SIZE = FIRST_CHUNK;

export class PollHub {
  private readonly tabs = new Map<HubPort, Tab>();
  private store: GroupStore = { byKey: new Map(), order: [] };
  /** Whether the store holds every group (not only a first screenful). */
  private complete = false;
  private memory: PaceMemory = FRESH_MEMORY;
  private error: HubError | null = null;
  private lastSuccess: number | null = null;
  private lastEnd: number | undefined;
  private polls = 0;
  private reading = false;
  private timer: unknown;
  private base: string | undefined;

  constructor(private readonly io: HubIo) {}

  receive(port: HubPort, message: ToHub): void {
    if (message.type === 'hello') {
      this.base ??= message.base;
      this.tabs.set(port, { id: message.tab, state: message.state, has: 'nothing', wantsRest: false });
      this.sync(port);
      return this.changed();
    }
    const tab = this.tabs.get(port);
    if (!tab) return;
    if (message.type === 'state') {
      tab.state = message.state;
      this.changed();
    } else if (message.type === 'refresh') this.read();
    else if (message.type === 'rest') {
      tab.wantsRest = true;
      this.sync(port);
    } else this.drop(port);
  }

  /** A tab closed (it said so, or its lock was released). */
  drop(port: HubPort): void {
    if (this.tabs.delete(port)) this.changed();
  }

  /** The tabs connected, by id (for tests). */
  tabIds(): string[] {
    return [...this.tabs.values()].map((t) => t.id);
  }

  /** The pace of the next read, or null while no tab wants reads. */
  private pace(): Pace | null {
    const wanting = [...this.tabs.values()].filter((t) => t.state.visible && !t.state.paused);
    if (wanting.length === 0) return null;
    return pace(Math.min(...wanting.map((t) => t.state.intervalMs)), this.memory);
  }

  private changed(): void {
    this.schedule();
    this.announce();
  }

  private announce(): void {
    const status: HubStatus = {
      tabs: this.tabs.size,
      pace: this.pace(),
      error: this.error,
      lastSuccess: this.lastSuccess,
      polls: this.polls,
    };
    for (const port of this.tabs.keys()) port.post({ type: 'status', status });
  }

  private schedule(): void {
    this.io.clearTimer(this.timer);
    this.timer = undefined;
    if (this.reading || this.tabs.size === 0) return;
    // The first read is for whoever asked, visible or not: every tab shows data once.
    if (this.lastEnd === undefined) return this.read();
    const next = this.pace();
    if (!next) return;
    const wait = Math.max(0, this.lastEnd + next.delayMs - this.io.now());
    this.timer = this.io.setTimer(() => this.read(), wait);
  }

  /** Brings a tab up to date with the model, as far as it has asked. */
  private sync(port: HubPort): void {
    const tab = this.tabs.get(port);
    if (!tab) return;
    const { order, byKey } = this.store;
    if (tab.has === 'nothing' && (this.complete || order.length > 0)) {
      if (this.complete && order.length <= 2 * HEAD_SIZE) {
        tab.has = 'all';
      } else {
        const groups = order.slice(0, HEAD_SIZE).flatMap((k) => byKey.get(k) ?? []);
        port.post({ type: 'snapshot', groups, order, complete: false });
        tab.has = 'head';
        return;
      }
    } else if (tab.has === 'head' && tab.wantsRest && this.complete) tab.has = 'all';
    else return;
    port.post({ type: 'snapshot', groups: order.flatMap((k) => byKey.get(k) ?? []), order, complete: true });
  }

  private read(): void {
    if (this.reading || !this.base) return;
    this.io.clearTimer(this.timer);
    this.reading = true;
    const onHead = (head: Group[], order: string[]) => {
      applyDiff(this.store, { changed: head, removed: [], order });
      for (const port of this.tabs.keys()) this.sync(port);
    };
    void this.io
      .read(this.base, onHead)
      .catch((error: unknown): HubRead => ({ ok: false, error: { kind: 'other', message: String(error) } }))
      .then((result) => this.ended(result));
  }

  private ended(result: HubRead): void {
    const at = this.io.now();
    this.reading = false;
    this.polls++;
    this.lastEnd = at;
    if (result.ok) {
      this.memory = remember(this.memory, { at, fetchMs: result.fetchMs });
      this.error = null;
      this.lastSuccess = at;
      const news = applyDiff(this.store, result.diff);
      if (!this.complete) {
        this.complete = true;
        for (const port of this.tabs.keys()) this.sync(port);
      } else if (news) {
        for (const [port, tab] of this.tabs) if (tab.has === 'all') port.post({ type: 'diff', diff: result.diff });
      }
    } else {
      const { status, retryAfter } = result.error;
      this.memory = remember(this.memory, { at, fetchMs: result.fetchMs, status, retryAfter });
      this.error = result.error;
    }
    this.changed();
  }
}
