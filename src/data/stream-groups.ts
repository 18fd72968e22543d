import { applyDiff, listOf, type GroupStore } from '../../core/poll-diff';
import type { DiffEvent, PollStatus, RestEvent, SnapshotEvent } from '../../core/wire/stream';
import type { GatewayDown, GroupsData } from './query';

/** The gateways whose last poll failed, while others answer (only with several gateways). */
function downOf(status: PollStatus): GatewayDown[] | undefined {
  const down = (status.gateways ?? []).flatMap((g) =>
    g.error ? [{ name: g.name, message: g.error.message, lastSuccess: g.lastSuccess }] : [],
  );
  // All of them down is the page's usual alert, from the overall error.
  return down.length > 0 && !status.error ? down : undefined;
}

/**
 * The server's model of the groups as its stream has delivered it (a snapshot, the rest of a
 * large one, then diffs) and which gateways are down, built into the page's GroupsData. Knows
 * nothing of the stream itself: StreamPoller (stream-poller.ts) reads the events, checks their
 * versions and hands them in.
 */
export class StreamGroups {
  private store: GroupStore = { byKey: new Map(), order: [] };
  /** The version of the server's model the groups are at (-1 before the first snapshot). */
  private at = -1;
  /** While the rest of a large snapshot is on its way: how many groups there are in all. */
  private total: number | undefined;
  private down: GatewayDown[] | undefined;

  get version(): number {
    return this.at;
  }

  /** Starts again from a snapshot (build then gives its groups, partial until the rest of a large one is in). */
  snapshot(snapshot: SnapshotEvent): void {
    this.at = snapshot.version;
    const order = snapshot.order ?? snapshot.groups.map((g) => g.key);
    this.store = { byKey: new Map(snapshot.groups.map((g) => [g.key, g])), order };
    this.total = snapshot.complete ? undefined : (snapshot.total ?? order.length);
  }

  /** The rest of the snapshot (of this version) taken in: every group. */
  rest(rest: RestEvent): GroupsData {
    if (rest.order) this.store.order = rest.order;
    for (const g of rest.groups) this.store.byKey.set(g.key, g);
    this.total = undefined;
    return this.build(false);
  }

  /** The next version's diff taken in: the groups when anything changed, else undefined. */
  diff(diff: DiffEvent): GroupsData | undefined {
    this.at = diff.version;
    return applyDiff(this.store, diff) ? this.build(false) : undefined;
  }

  /** Notes which gateways the status says are down; true when that changed. */
  noteDown(status: PollStatus): boolean {
    const down = downOf(status);
    const changed = JSON.stringify(down) !== JSON.stringify(this.down);
    this.down = down;
    return changed;
  }

  /** The data with the gateways that are down now. */
  withDown(data: GroupsData): GroupsData {
    const { gatewaysDown: _, ...rest } = data;
    return this.down ? { ...rest, gatewaysDown: this.down } : rest;
  }

  /** The groups as the page shows them; `partial` while the rest of a large snapshot is on its way. */
  build(partial: boolean): GroupsData {
    const groups = listOf(this.store);
    return this.withDown(partial ? { groups, partial: this.total ?? this.store.order.length } : { groups });
  }
}
