/**
 * The server's own record of every group's pushes, from its own polls: each change of a group's
 * `push_time_seconds` (a successful push) and `push_failure_time_seconds` (a failed one) goes
 * into that group's ring (ring.ts). No extra read of the gateway: it listens to the polls the
 * model makes anyway. To see the pushes with nobody looking, it polls the model itself every
 * `idleMs` (slower than viewers get) while no viewer or hold keeps it fresh, so the first tab
 * after a quiet spell also finds groups already read.
 */
import type { PollDiff } from '../../core/poll-diff';
import type { GatewayModel } from '../state/model';
import type { PushEntry } from './ring';
import { HistoryStore } from './store';

export const DEFAULT_IDLE_MS = 60_000;
const SAVE_MS = 60_000;

export interface PushHistoryOptions {
  model: GatewayModel;
  /** Where history.json lives; undefined keeps the history in memory only. */
  dataDir?: string;
  /** How often the gateway is read while nobody watches (ms). */
  idleMs?: number;
  /** Keep the model polled at its poll interval with nobody watching (--export-group-health). */
  keepFresh?: boolean;
  /** How often a changed history is written (ms). */
  saveMs?: number;
  log?: (line: string) => void;
}

export class PushHistory {
  readonly store: HistoryStore;
  private idleTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private release: (() => void) | undefined;
  private readonly onDiff = (_version: number, diff: PollDiff) => this.take(diff);

  constructor(private readonly options: PushHistoryOptions) {
    this.store = new HistoryStore(options.dataDir, options.log);
  }

  /** Reads the saved history, follows the model's polls, and keeps watching with nobody looking. */
  start(): void {
    this.store.load();
    const { model } = this.options;
    // Whatever the model already holds (a history started after the first poll).
    const first = model.snapshot().groups;
    if (first.length > 0) this.take({ changed: first, removed: [], order: first.map((g) => g.key) });
    model.on('diff', this.onDiff);
    if (this.options.keepFresh) this.release = model.hold();
    const idle = () => {
      if (!model.active) void model.pollNow().catch(() => {});
    };
    idle();
    this.idleTimer = setInterval(idle, this.options.idleMs ?? DEFAULT_IDLE_MS);
    this.idleTimer.unref();
    this.saveTimer = setInterval(() => void this.store.save(), this.options.saveMs ?? SAVE_MS);
    this.saveTimer.unref();
  }

  stop(): void {
    clearInterval(this.idleTimer);
    clearInterval(this.saveTimer);
    this.options.model.off('diff', this.onDiff);
    this.release?.();
    this.store.saveNow();
  }

  /** The group's usual interval between successful pushes, learned from its history. */
  interval(key: string): number | undefined {
    return this.store.ring(key)?.usual();
  }

  /** The group's pushes, oldest first. */
  entries(key: string): PushEntry[] {
    return this.store.ring(key)?.entries() ?? [];
  }

  private take(diff: PollDiff): void {
    for (const group of diff.changed) {
      // A malformed group's key may not be its real one, and its times may be unknown.
      if (group.problem) continue;
      this.store.record(group.key, group.pushTime, group.failureTime);
    }
    for (const key of diff.removed) this.store.forget(key);
    // A whole order: the history of groups no longer on the gateway (or gone while the server was
    // down) is forgotten.
    if (diff.order) this.store.keepOnly(new Set(diff.order));
  }
}
