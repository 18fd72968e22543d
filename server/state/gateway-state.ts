/**
 * The server's one copy of the gateway: polled once per interval for every viewer together, read
 * with the same model as the browser's worker (parse, validate, key, order, diff), and handed to
 * viewers as a snapshot followed by changes.
 */
import { EventEmitter } from 'node:events';
import { readJson } from '../../core/gateway-read';
import { parseGroups, readEnvelope } from '../../core/metrics';
import { encodeError } from '../../core/wire/error';
import type { PollStatus } from '../../core/wire/stream';
import type { Group } from '../../core/metrics-types';
import { compareGroups } from '../../core/order';
import { diffGroups, emptyMemory, type DiffMemory, type PollDiff } from '../../core/poll-diff';
import type { FetchAnswer } from './fetch-gateway';
import { ThreadUnavailable } from './poll-worker';

export const METRICS_PATH = 'api/v1/metrics';

/** The gateway's answer as groups in display order: the one model, shared with the browser. */
export function readGroups(text: string): Group[] {
  return parseGroups(readJson(text, METRICS_PATH, readEnvelope)).sort(compareGroups);
}

const noop = () => {};

/** Viewers' refreshes make the server poll at most this often. */
export const REFRESH_GAP_MS = 1000;

export interface Snapshot {
  version: number;
  groups: Group[];
  status: PollStatus;
}

export interface StateEvents {
  diff: [version: number, diff: PollDiff];
  status: [status: PollStatus];
  poll: [outcome: 'success' | 'error', durationMs: number, bytes: number];
}

/** A poll read and diffed elsewhere (a worker thread, see poll-worker.ts). */
export interface ReadPoll {
  bytes: number;
  diff: PollDiff;
  /** The reader started afresh (a new thread): `diff` holds every group, and nothing as removed. */
  full: boolean;
}

export interface GatewayStateOptions {
  fetchMetrics: () => Promise<FetchAnswer>;
  /**
   * Reads, parses and diffs a poll off this thread, against what it last read. Without it, the
   * answer of fetchMetrics is parsed and diffed here.
   */
  readPoll?: () => Promise<ReadPoll>;
  intervalMs: number;
  /**
   * A poll without an answer this long shows as "not answering" (by default twice the longer of
   * intervalMs and the last successful poll's duration).
   */
  hungAfterMs?: number;
  now?: () => number;
}

export class GatewayState extends EventEmitter<StateEvents> {
  private memory: DiffMemory = emptyMemory();
  private byKey = new Map<string, Group>();
  /** Every key in display order, as of the last successful poll. */
  private order: string[] = [];
  private viewers = 0;
  /** Reasons other than viewers to keep the model fresh (e.g. --export-group-health). */
  private holds = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private refreshing: Promise<void> | undefined;
  private lastStart = -Infinity;
  /** The thread of readPoll could not run: the answer is parsed on this thread. */
  private readHere = false;
  version = 0;
  status: PollStatus;
  lastAnswerBytes = 0;
  /** How long the last successful poll took. */
  private lastPollMs = 0;

  constructor(private readonly options: GatewayStateOptions) {
    super();
    this.status = { lastSuccess: null, error: null, intervalMs: options.intervalMs };
  }

  get viewerCount(): number {
    return this.viewers;
  }

  get groupCount(): number {
    return this.byKey.size;
  }

  /** Whether the model is kept fresh: by a viewer, or by a hold. */
  get active(): boolean {
    return this.viewers + this.holds > 0;
  }

  /** A viewer arrives: polling runs while there is at least one. Returns its leave function. */
  acquire(): () => void {
    return this.keep('viewers');
  }

  /** Keeps the model polled with no viewer (not counted as one). Returns its release function. */
  hold(): () => void {
    return this.keep('holds');
  }

  private keep(kind: 'viewers' | 'holds'): () => void {
    const wasActive = this.active;
    this[kind]++;
    if (!wasActive) {
      // Data older than one interval is refreshed at once; the snapshot goes out before that.
      const age = this.status.lastSuccess === null ? Infinity : this.now() - this.status.lastSuccess;
      this.schedule(age >= this.options.intervalMs ? 0 : this.options.intervalMs - age);
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this[kind]--;
      if (!this.active) this.stop();
    };
  }

  /** The group with this key as of the last successful poll. */
  group(key: string): Group | undefined {
    return this.byKey.get(key);
  }

  /** Every group in display order, with the version the next diff builds on. */
  snapshot(): Snapshot {
    const groups: Group[] = [];
    for (const key of this.order) {
      const group = this.byKey.get(key);
      if (group) groups.push(group);
    }
    return { version: this.version, groups, status: this.status };
  }

  /**
   * Polls now (after a change made through the server, or a viewer's Refresh now). While a poll
   * runs, which may have started before the change, one more follows it, shared by every caller
   * meanwhile: the promise settles after a poll that started after the call.
   */
  pollNow(): Promise<void> {
    if (this.running) {
      this.queued ??= this.running.then(noop, noop).then(() => {
        this.queued = undefined;
        return this.pollNow();
      });
      return this.queued;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.poll().finally(() => {
      this.running = undefined;
      if (!this.queued && this.active) this.schedule(this.options.intervalMs);
    });
    return this.running;
  }

  /**
   * A viewer's Refresh now: a poll that starts after the call, but no sooner than REFRESH_GAP_MS
   * after the last one started, shared by every refresh meanwhile; however often viewers (or
   * anyone) click, the gateway is read at most once a second on their account.
   */
  refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    const wait = this.lastStart + REFRESH_GAP_MS - performance.now();
    if (wait <= 0) return this.pollNow();
    this.refreshing = new Promise((resolve) => setTimeout(resolve, wait).unref?.()).then(() => {
      this.refreshing = undefined;
      return this.pollNow();
    });
    return this.refreshing;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pollNow(), delayMs);
    this.timer.unref?.();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * A gateway that accepts the connection and never answers would show as down only when the
   * request times out (30 s): after hungAfterMs without an answer it shows as not answering,
   * and the count goes on each interval until the poll ends one way or the other.
   */
  private watch(started: number): () => void {
    const every = this.options.intervalMs;
    let timer: NodeJS.Timeout | undefined;
    const tell = () => {
      const seconds = Math.round((performance.now() - started) / 1000);
      this.setStatus({
        ...this.status,
        error: { kind: 'network', message: `The Pushgateway is not answering for ${seconds} s.` },
      });
      timer = setTimeout(tell, every);
      timer.unref?.();
    };
    // A gateway whose answer takes long to make (50,000 groups) is given twice its last poll's time.
    timer = setTimeout(tell, this.options.hungAfterMs ?? 2 * Math.max(every, this.lastPollMs));
    timer.unref?.();
    return () => clearTimeout(timer);
  }

  private async poll(): Promise<void> {
    const started = performance.now();
    this.lastStart = started;
    let bytes = 0;
    let diff: PollDiff;
    const unwatch = this.watch(started);
    try {
      ({ bytes, diff } = await this.read());
      unwatch();
    } catch (error) {
      unwatch();
      this.emit('poll', 'error', performance.now() - started, bytes);
      this.setStatus({
        ...this.status,
        error: encodeError(error),
      });
      return;
    }
    for (const key of diff.removed) this.byKey.delete(key);
    if (diff.order) this.order = diff.order;
    for (const group of diff.changed) this.byKey.set(group.key, group);
    this.lastAnswerBytes = bytes;
    this.lastPollMs = performance.now() - started;
    this.emit('poll', 'success', this.lastPollMs, bytes);
    if (diff.changed.length > 0 || diff.removed.length > 0 || diff.order !== null) {
      this.version++;
      this.emit('diff', this.version, diff);
    }
    this.setStatus({ ...this.status, lastSuccess: this.now(), error: null });
  }

  /** This poll's answer as a diff against the last one: read elsewhere, or here. */
  private async read(): Promise<{ bytes: number; diff: PollDiff }> {
    if (this.options.readPoll && !this.readHere) {
      try {
        const { bytes, diff, full } = await this.options.readPoll();
        return { bytes, diff: full ? this.asFull(diff) : diff };
      } catch (error) {
        if (!(error instanceof ThreadUnavailable)) throw error;
        // Never left without data: from now on the answer is parsed here, as without a thread.
        this.readHere = true;
        console.error(`pushboard: reading the gateway on the server's own thread: ${error.message}`);
      }
    }
    const answer = await this.options.fetchMetrics();
    const first = this.memory.order.length === 0;
    const { diff, memory } = diffGroups(this.memory, readGroups(answer.text));
    this.memory = memory;
    return { bytes: answer.bytes, diff: first ? this.asFull(diff) : diff };
  }

  /** A read that knows nothing of the ones before: what it does not list is gone. */
  private asFull(diff: PollDiff): PollDiff {
    const kept = new Set(diff.order ?? []);
    const removed = [...this.byKey.keys()].filter((key) => !kept.has(key));
    return { ...diff, removed, order: diff.order ?? (removed.length > 0 ? [] : null) };
  }

  private setStatus(status: PollStatus): void {
    this.status = status;
    this.emit('status', status);
  }
}
