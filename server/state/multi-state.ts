/**
 * Several gateways as one model. Each gateway has its own GatewayState, polled on its own timer:
 * a slow or dead gateway never holds back the others, whose changes reach viewers as they come.
 * Their groups are merged into one model with the interface of GatewayState (see model.ts), so
 * the stream, the pruner and the Rules page work on it unchanged.
 *
 * - Keys: `@gateway="eu-1" {job="a"}` (core/gateway-key.ts), so the same grouping key on two
 *   gateways is two groups; each merged group also carries `gateway`.
 * - Order: the list's order (compareGroups) over all gateways, which puts the same grouping key on
 *   several gateways side by side, by gateway name.
 * - Versions: one version bump per change of any gateway; its diff is that gateway's diff in
 *   merged keys (and the whole merged order when the order changed), so a viewer applying diffs
 *   in version order holds exactly the merged snapshot.
 * - Status: `gateways` lists each one's last success and error. The overall `error` is set only
 *   when every gateway's last poll failed: until then some data is live, and a viewer built for
 *   one gateway (which stops taking data on an error) keeps following the live ones. The overall
 *   `lastSuccess` is when data last arrived from any gateway. Who must not act on a down
 *   gateway's old data (a pruner) reads its entry in `gateways`.
 *
 * With one gateway it only passes that gateway's state through: keys, versions, diffs, statuses
 * and snapshots are exactly what they were before there could be several.
 */
import { EventEmitter } from 'node:events';
import { gatewayKey } from '../../core/gateway-key';
import type { Group } from '../../core/metrics-types';
import { compareGroups } from '../../core/order';
import type { PollDiff } from '../../core/poll-diff';
import { GATEWAY_NAME } from '../options.ts';
import type { FetchAnswer } from './fetch-gateway';
import type { PollStatus } from '../../core/wire/stream';
import { GatewayState, type ReadPoll, type Snapshot, type StateEvents } from './gateway-state';
import type { GatewayModel } from './model';

export interface MultiGatewayStateOptions {
  gateways: ReadonlyArray<{
    name: string;
    fetchMetrics: () => Promise<FetchAnswer>;
    /** Reads and diffs off the server's thread (see GatewayStateOptions). */
    readPoll?: () => Promise<ReadPoll>;
  }>;
  intervalMs: number;
  now?: () => number;
}

export interface Member {
  readonly name: string;
  readonly state: GatewayState;
}

const noop = () => {};

export class MultiGatewayState extends EventEmitter<StateEvents> implements GatewayModel {
  readonly members: readonly Member[];
  private readonly single: GatewayState | undefined;
  private byKey = new Map<string, Group>();
  private order: string[] = [];
  private viewers = 0;
  private holds = 0;
  private mergedVersion = 0;
  /** Set from the start with several gateways; unused with one. */
  private mergedStatus!: PollStatus;

  constructor(private readonly options: MultiGatewayStateOptions) {
    super();
    const { gateways, intervalMs, now } = options;
    if (gateways.length === 0) throw new Error('MultiGatewayState needs at least one gateway');
    const names = new Set<string>();
    for (const { name } of gateways) {
      if (!GATEWAY_NAME.test(name)) throw new Error(`the gateway name "${name}" may hold only [A-Za-z0-9_.-]`);
      if (names.has(name)) throw new Error(`two gateways are named "${name}"`);
      names.add(name);
    }
    this.members = gateways.map(({ name, fetchMetrics, readPoll }) => ({
      name,
      state: new GatewayState({ fetchMetrics, intervalMs, ...(readPoll ? { readPoll } : {}), ...(now ? { now } : {}) }),
    }));
    this.single = this.members.length === 1 ? this.members[0]!.state : undefined;
    if (this.single) {
      this.single.on('diff', (version, diff) => this.emit('diff', version, diff));
      this.single.on('status', (status) => this.emit('status', status));
    } else {
      this.mergedStatus = this.mergeStatus();
      this.members.forEach((member, i) => {
        member.state.on('diff', (_version, diff) => this.apply(i, diff));
        member.state.on('status', () => this.emit('status', (this.mergedStatus = this.mergeStatus())));
      });
    }
    for (const { state } of this.members) {
      state.on('poll', (outcome, durationMs, bytes) => this.emit('poll', outcome, durationMs, bytes));
    }
  }

  get version(): number {
    return this.single ? this.single.version : this.mergedVersion;
  }

  get status(): PollStatus {
    return this.single ? this.single.status : this.mergedStatus;
  }

  get lastAnswerBytes(): number {
    return this.members.reduce((sum, m) => sum + m.state.lastAnswerBytes, 0);
  }

  get viewerCount(): number {
    return this.viewers;
  }

  get groupCount(): number {
    return this.single ? this.single.groupCount : this.byKey.size;
  }

  get active(): boolean {
    return this.viewers + this.holds > 0;
  }

  /** A viewer arrives: every gateway is polled while there is one. Returns its leave function. */
  acquire(): () => void {
    return this.keep('viewers', (state) => state.acquire());
  }

  /** Keeps every gateway polled with no viewer. Returns its release function. */
  hold(): () => void {
    return this.keep('holds', (state) => state.hold());
  }

  private keep(kind: 'viewers' | 'holds', take: (state: GatewayState) => () => void): () => void {
    this[kind]++;
    const releases = this.members.map((m) => take(m.state));
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this[kind]--;
      for (const release of releases) release();
    };
  }

  group(key: string): Group | undefined {
    return this.single ? this.single.group(key) : this.byKey.get(key);
  }

  snapshot(): Snapshot {
    if (this.single) return this.single.snapshot();
    const groups: Group[] = [];
    for (const key of this.order) {
      const group = this.byKey.get(key);
      if (group) groups.push(group);
    }
    return { version: this.mergedVersion, groups, status: this.mergedStatus };
  }

  /**
   * Polls every gateway now (or only the one named), each as GatewayState.pollNow does. Each
   * gateway's changes go out as soon as it has answered; the promise settles when all have.
   */
  pollNow(gateway?: string): Promise<void> {
    return this.each(gateway, (state) => state.pollNow());
  }

  /** A viewer's Refresh now, for every gateway (or the one named), each at most once a second. */
  refresh(gateway?: string): Promise<void> {
    return this.each(gateway, (state) => state.refresh());
  }

  stop(): void {
    for (const { state } of this.members) state.stop();
  }

  private each(gateway: string | undefined, run: (state: GatewayState) => Promise<void>): Promise<void> {
    const chosen = gateway === undefined ? this.members : this.members.filter((m) => m.name === gateway);
    if (chosen.length === 0) return Promise.reject(new Error(`no gateway is named "${gateway}"`));
    return Promise.all(chosen.map((m) => run(m.state))).then(noop);
  }

  /** One member's diff, in merged keys, as one new version of the merged model. */
  private apply(index: number, diff: PollDiff): void {
    const { name } = this.members[index]!;
    const removed = diff.removed.map((key) => gatewayKey(name, key));
    for (const key of removed) this.byKey.delete(key);
    const changed: Group[] = [];
    const added: string[] = [];
    for (const group of diff.changed) {
      const merged = { ...group, key: gatewayKey(name, group.key), gateway: name };
      if (!this.byKey.has(merged.key)) added.push(merged.key);
      this.byKey.set(merged.key, merged);
      changed.push(merged);
    }
    let order: string[] | null = null;
    if (diff.order) this.order = order = this.reorder(removed, added);
    this.mergedVersion++;
    this.emit('diff', this.mergedVersion, { changed, removed, order });
  }

  /**
   * The merged order after groups came and went. A group's place depends only on its key, so
   * the others keep theirs: the removed are taken out and the added (in list order, as a diff
   * has them) put in. A few are each placed by binary search (a new group among 10,000 costs
   * some 14 comparisons); many (a gateway's first answer) by one linear merge.
   */
  private reorder(removed: readonly string[], added: readonly string[]): string[] {
    const gone = new Set(removed);
    const rest = gone.size > 0 ? this.order.filter((key) => !gone.has(key)) : this.order;
    if (added.length === 0) {
      // Not expected (the order only changes when groups come or go), but never left wrong.
      return gone.size > 0 ? rest : [...this.byKey.values()].sort(compareGroups).map((g) => g.key);
    }
    const before = (a: string, b: string) => compareGroups(this.byKey.get(a)!, this.byKey.get(b)!) < 0;
    const out: string[] = [];
    const bisect = added.length * Math.log2(rest.length + 1) < rest.length + added.length;
    let i = 0;
    for (const key of added) {
      if (bisect) {
        let hi = rest.length;
        let lo = i;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (before(rest[mid]!, key)) lo = mid + 1;
          else hi = mid;
        }
        for (; i < lo; i++) out.push(rest[i]!);
      } else {
        while (i < rest.length && before(rest[i]!, key)) out.push(rest[i++]!);
      }
      out.push(key);
    }
    for (; i < rest.length; i++) out.push(rest[i]!);
    return out;
  }

  private mergeStatus(): PollStatus {
    const gateways = this.members.map(({ name, state }) => ({
      name,
      lastSuccess: state.status.lastSuccess,
      error: state.status.error,
    }));
    const successes = gateways.flatMap((g) => (g.lastSuccess === null ? [] : [g.lastSuccess]));
    const down = gateways.filter((g) => g.error !== null);
    let error: PollStatus['error'] = null;
    if (down.length === gateways.length) {
      const errors = down.map((g) => g.error!);
      const kind = errors.every((e) => e.kind === errors[0]!.kind) ? errors[0]!.kind : 'other';
      const status = errors.every((e) => e.status === errors[0]!.status) ? errors[0]!.status : undefined;
      error = {
        kind,
        message: down.map((g) => `${g.name}: ${g.error!.message}`).join('; '),
        ...(status !== undefined ? { status } : {}),
      };
    }
    return {
      lastSuccess: successes.length > 0 ? Math.max(...successes) : null,
      error,
      intervalMs: this.options.intervalMs,
      gateways,
    };
  }
}
