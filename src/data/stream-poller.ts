import { GatewayError } from '../gateway/client';
import { decodeError } from '../../core/wire/error';
import {
  decodeDiff,
  decodeRest,
  decodeSnapshot,
  decodeStatus,
  type PollStatus,
  type SnapshotEvent,
} from '../../core/wire/stream';
import type { GroupsData } from './query';
import { StreamGroups } from './stream-groups';
import { noteServerWire, WireMismatchError } from './wire-check';

export interface Follower {
  /** New data to show (the same object when only the status changed). */
  data: (data: GroupsData) => void;
  /** The server's status changed to or from an error: ask again, so the page shows it. */
  refetch: () => void;
}

const REOPEN_MS = 2000;
/**
 * The stream opens this long after the page started at the latest, drawn or not (for a page that
 * never shows the list). On a busy machine a new tab takes 2–4 s to draw its first groups; a
 * stream opened before then would fill its main thread with the rest of the snapshot first.
 */
const OPEN_BY_MS = 4000;

/**
 * The first screenful the server put in the page itself (`<script type="application/json"
 * id="pushboard-first">`): the first groups show before the stream is even open. Read once and
 * taken out of the page.
 */
function embeddedSnapshot(): SnapshotEvent | undefined {
  const element = globalThis.document?.getElementById('pushboard-first');
  if (!element) return undefined;
  element.remove();
  try {
    return decodeSnapshot(JSON.parse(element.textContent ?? ''));
  } catch {
    // Unreadable: the stream's own snapshot brings the groups a moment later.
    return undefined;
  }
}
/** How long Refresh now waits for the stream to bring the server's poll. */
const STATUS_WAIT_MS = 5000;

/**
 * Follows the Pushboard server's event stream instead of polling the gateway: a snapshot of the
 * server's model (the first screenful first), then only what changed. Offers the same `poll` as
 * the worker's poller, which answers from what the stream has delivered.
 */
export class StreamPoller {
  private source: EventSource | undefined;
  /** The groups the stream has delivered (data is what was last built of them). */
  private readonly groups = new StreamGroups();
  private data: GroupsData | undefined;
  private status: PollStatus | undefined;
  private lost: string | undefined;
  private follower: Follower | undefined;
  private first: Promise<void>;
  private firstArrived!: () => void;
  private listeners = new Set<() => void>();
  /** Status events received: every poll of the server ends with one. */
  private statuses = 0;
  /** Set once the server speaks a wire protocol this page cannot read: the page stops following. */
  private stopped: WireMismatchError | undefined;

  constructor(private readonly url: string) {
    this.first = new Promise((resolve) => (this.firstArrived = resolve));
    const embedded = embeddedSnapshot();
    if (embedded && !this.onSnapshot(embedded)) return;
    if (!embedded) {
      this.open();
      return;
    }
    // The page draws the embedded groups first; the stream, whose snapshot takes the main thread
    // a while to receive, opens once they are on screen (when the page follows), or a moment later.
    // A hidden tab draws nothing, so there is nothing to wait for.
    if (globalThis.document?.visibilityState === 'hidden') this.open();
    else this.openBy = setTimeout(() => this.openOnce(), OPEN_BY_MS);
  }

  private openOnce(): void {
    if (!this.source && !this.stopped) this.open();
  }

  /** The latest the stream opens when the page has not followed yet; cleared once it is open. */
  private openBy: ReturnType<typeof setTimeout> | undefined;

  /** Whom to tell about changes as they arrive; undefined while the page is paused. */
  follow(follower: Follower | undefined): void {
    // Called once the page has rendered what it has: the stream opens once that is on screen (the
    // next frame, then a task), or at once in a hidden tab, which draws no frames.
    if (!this.source) {
      if (globalThis.document?.visibilityState === 'hidden') setTimeout(() => this.openOnce());
      else requestAnimationFrame(() => setTimeout(() => this.openOnce()));
    }
    this.follower = follower;
    if (follower && this.data) follower.data(this.data);
  }

  /** The server's poll interval, from its last status (undefined until the first arrives). */
  readonly serverIntervalMs = (): number | undefined => this.status?.intervalMs;

  /** Told of every status the server sends. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Refresh now: asks the server to poll the gateway at once. The server answers once that poll
   * has ended, after writing its result to the stream; this resolves when the stream has brought
   * a status since the request (or after a few seconds), so a paused page can take the news.
   */
  async refresh(): Promise<void> {
    const seen = this.statuses;
    const response = await fetch(new URL('refresh', this.url), { method: 'POST' });
    if (!response.ok)
      throw new GatewayError('http', `The Pushboard server answered ${response.status} to Refresh now.`);
    if (this.statuses > seen) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stop();
        clearTimeout(timer);
        resolve();
      };
      const stop = this.subscribe(done);
      const timer = setTimeout(done, STATUS_WAIT_MS);
    });
  }

  /** What the stream has delivered, or the error the server or the stream reports. */
  async poll(onPartial?: (data: GroupsData) => void): Promise<GroupsData> {
    if (!this.data) {
      await this.first;
      const arrived = this.data as GroupsData | undefined;
      if (arrived?.partial) onPartial?.(arrived);
    }
    // Stopped for a server this page cannot read: what it had stays on screen under the banner.
    if (this.stopped) {
      if (this.data && !this.data.partial) return this.data;
      throw this.stopped;
    }
    if (this.lost) throw new GatewayError('network', this.lost);
    const error = this.status?.error;
    if (error) throw decodeError(error);
    return this.data!;
  }

  private open(): void {
    clearTimeout(this.openBy);
    const source = new EventSource(this.url);
    this.source = source;
    // Events wait in order behind a rest of the snapshot that has arrived but is not read yet.
    let waiting: Array<() => void> | null = null;
    const inTurn = (handle: () => void) => (waiting ? waiting.push(handle) : handle());
    source.addEventListener('snapshot', (event) => {
      waiting = null;
      const snapshot = this.read(() => decodeSnapshot(JSON.parse(event.data)));
      if (snapshot) this.onSnapshot(snapshot);
      // A snapshot this page cannot read: as when the connection is lost, it tries again in a moment.
      else this.lose(source, 'The Pushboard server sent a snapshot this page cannot read; reconnecting.', true);
    });
    source.addEventListener('rest', (event) => {
      const text = event.data as string;
      // At 10,000 groups the rest is as large as the gateway's answer: it is read after the first
      // screenful has been drawn (the next frame, then a task), not before.
      const queue: Array<() => void> = [];
      waiting = queue;
      // A hidden tab draws no frames: then the rest is read a moment later all the same.
      let read = false;
      const readRest = () => {
        if (read) return;
        read = true;
        if (waiting !== queue || this.source !== source) return;
        const rest = this.read(() => decodeRest(JSON.parse(text)));
        if (rest?.version !== this.groups.version) return this.resync();
        this.publish(this.groups.rest(rest));
        waiting = null;
        for (const handle of queue) handle();
      };
      requestAnimationFrame(() => setTimeout(readRest));
      setTimeout(readRest, 500);
    });
    source.addEventListener('diff', (event) =>
      inTurn(() => {
        const diff = this.read(() => decodeDiff(JSON.parse(event.data)));
        // A gap, or a change this page cannot read, means something was missed: start again from a snapshot.
        if (diff?.version !== this.groups.version + 1) return this.resync();
        const changed = this.groups.diff(diff);
        if (changed) this.publish(changed);
      }),
    );
    source.addEventListener('status', (event) =>
      inTurn(() => {
        const status = this.read(() => decodeStatus(JSON.parse(event.data)));
        if (status) this.onStatus(status);
        else this.resync();
      }),
    );
    source.onerror = () => this.lose(source, 'Lost the connection to the Pushboard server; reconnecting.');
  }

  /** A message decoded, or undefined (and the reason in the console) when it cannot be read. */
  private read<T>(decode: () => T): T | undefined {
    try {
      return decode();
    } catch (error) {
      console.warn(`pushboard: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The stream is lost (or, with `close`, given up here): the page says so, and it opens again. */
  private lose(source: EventSource, message: string, close = false): void {
    if (this.stopped) return;
    this.lost = message;
    this.follower?.refetch();
    this.firstArrived();
    // The browser reconnects by itself, unless the server answered something other than a stream
    // (or the stream is closed here).
    if (close) source.close();
    if (source.readyState === EventSource.CLOSED) setTimeout(() => this.source === source && this.resync(), REOPEN_MS);
  }

  private resync(): void {
    this.source?.close();
    if (!this.stopped) this.open();
  }

  /** Takes a snapshot in; false when its server speaks a wire protocol this page cannot read. */
  private onSnapshot(snapshot: SnapshotEvent): boolean {
    if (!noteServerWire(snapshot.wire)) {
      this.stop(snapshot.wire ?? '');
      return false;
    }
    this.lost = undefined;
    this.groups.snapshot(snapshot);
    this.data = undefined;
    this.onStatus(snapshot.status, false);
    this.publish(this.groups.build(!snapshot.complete));
    this.firstArrived();
    return true;
  }

  /** Stops following for good: the page shows the reload banner (useWireMismatch). */
  private stop(server: string): void {
    this.stopped = new WireMismatchError(server);
    clearTimeout(this.openBy);
    this.source?.close();
    this.follower?.refetch();
    this.firstArrived();
  }

  private onStatus(status: PollStatus, announce = true): void {
    const errorChanged = Boolean(status.error) !== Boolean(this.status?.error) || Boolean(this.lost);
    // A gateway going down or coming back is news for the page: the same groups, a new object.
    if (this.groups.noteDown(status) && this.data) this.data = this.groups.withDown(this.data);
    this.status = status;
    this.lost = undefined;
    this.statuses++;
    for (const listener of this.listeners) listener();
    if (!announce) return;
    if (errorChanged || status.error) this.follower?.refetch();
    else if (this.data) this.follower?.data(this.data);
  }

  private publish(data: GroupsData): void {
    this.data = data;
    this.follower?.data(data);
  }
}
