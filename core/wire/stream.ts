/**
 * The server's event stream (`-/pushboard/events`) as the server writes it and the page reads it:
 * - `snapshot`: the server's model (the first screenful of groups first), with the poll status;
 * - `rest`: the rest of a snapshot too large for the first event;
 * - `diff`: what one poll changed, numbered: a gap makes the page resync;
 * - `status`: how the last poll went, after every poll.
 * The page also carries the first `snapshot` in its HTML (server/page.ts).
 */
import type { Group } from '../metrics-types';
import type { PollDiff } from '../poll-diff';
import { isRecord } from '../validate';
import { GATEWAY_ERROR_KINDS, type WireError } from './error';
import { Fields, WireShapeError } from './read';
import { WIRE_VERSION } from './version';

/** One gateway's part of the status (only with several gateways). */
export interface GatewayPollStatus {
  name: string;
  lastSuccess: number | null;
  error: WireError | null;
}

/** How the last poll went, as every viewer sees it. */
export interface PollStatus {
  /** When data last arrived (ms since the epoch), or null before the first success. */
  lastSuccess: number | null;
  /** The last poll's error, or null when it succeeded. */
  error: WireError | null;
  /** The server's poll interval, so a viewer can say how fresh "live" is. */
  intervalMs: number;
  /** With several gateways, each one's (server/state/multi-state.ts). */
  gateways?: GatewayPollStatus[];
}

export interface SnapshotEvent {
  /** The wire protocol's version (WIRE_VERSION); absent from servers before it, which wrote 1.0. */
  wire?: string;
  /** The server process's id: another one means the server restarted. */
  server: string;
  /** The model's version, which the next diff builds on (not the wire version). */
  version: number;
  status: PollStatus;
  /** Every group's key in display order (older servers); newer ones send it with the rest. */
  order?: string[];
  /** How many groups there are in all. */
  total?: number;
  groups: Group[];
  /** Whether `groups` holds every group; if not, a `rest` event follows. */
  complete: boolean;
}

export interface RestEvent {
  version: number;
  order?: string[];
  groups: Group[];
}

export interface DiffEvent extends PollDiff {
  version: number;
}

// Encoders. The snapshot's texts are written by hand, a piece at a time and shared between
// viewers (server/state/snapshot-text.ts), in the field order of encodeSnapshot: a test holds
// them to it.

/** The `snapshot` event's data, with this build's wire version. */
export function encodeSnapshot(event: Omit<SnapshotEvent, 'wire'>): string {
  const { server, version, status, order, total, groups, complete } = event;
  return JSON.stringify({ wire: WIRE_VERSION, server, version, status, order, total, groups, complete });
}

export const encodeRest = (event: RestEvent): string => JSON.stringify(event);
export const encodeDiff = (version: number, diff: PollDiff): string => JSON.stringify({ version, ...diff });
export const encodeStatus = (status: PollStatus): string => JSON.stringify(status);

// Decoders: each checks the message's own fields. Groups are checked for their key, labels and
// families only: the server made them with the same model the page reads them with (core/metrics),
// and checking every sample at 10,000 groups would cost the page as much as parsing them.

export function decodeWireError(json: unknown, what: string, field: string): WireError {
  const f = Fields.of(what, json, field);
  const kind = f.string('kind');
  if (kind !== 'other' && !(GATEWAY_ERROR_KINDS as readonly string[]).includes(kind)) f.fail('kind', 'an error kind');
  const status = f.optionalNumber('status');
  const retryAfter = f.optionalString('retryAfter');
  return {
    kind: kind as WireError['kind'],
    message: f.string('message'),
    ...(status !== undefined ? { status } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  };
}

const errorOrNull = (f: Fields, name: string): WireError | null =>
  f.raw(name) === null ? null : decodeWireError(f.raw(name), f.what, f.path(name));

export function decodeStatus(json: unknown, what = 'a status event', field = ''): PollStatus {
  const f = Fields.of(what, json, field);
  const status: PollStatus = {
    lastSuccess: f.numberOrNull('lastSuccess'),
    error: errorOrNull(f, 'error'),
    intervalMs: f.number('intervalMs'),
  };
  if (f.has('gateways')) {
    status.gateways = f.array('gateways').map((raw, i) => {
      const g = Fields.of(what, raw, `${f.path('gateways')}[${i}]`);
      return { name: g.string('name'), lastSuccess: g.numberOrNull('lastSuccess'), error: errorOrNull(g, 'error') };
    });
  }
  return status;
}

function groupsOf(f: Fields, name: string): Group[] {
  const list = f.array(name);
  for (let i = 0; i < list.length; i++) {
    const g = list[i];
    if (!isRecord(g) || typeof g.key !== 'string' || !isRecord(g.labels) || !Array.isArray(g.families)) {
      throw new WireShapeError(f.what, `${f.path(name)}[${i}]`, 'not a group');
    }
  }
  return list as Group[];
}

export function decodeSnapshot(json: unknown): SnapshotEvent {
  const what = 'a snapshot event';
  const f = Fields.of(what, json);
  const wire = f.optionalString('wire');
  const order = f.has('order') ? f.strings('order') : undefined;
  const total = f.optionalNumber('total');
  return {
    ...(wire !== undefined ? { wire } : {}),
    server: f.string('server'),
    version: f.number('version'),
    status: decodeStatus(f.raw('status'), what, 'status'),
    ...(order ? { order } : {}),
    ...(total !== undefined ? { total } : {}),
    groups: groupsOf(f, 'groups'),
    complete: f.boolean('complete'),
  };
}

export function decodeRest(json: unknown): RestEvent {
  const f = Fields.of('a rest event', json);
  const order = f.has('order') ? f.strings('order') : undefined;
  return { version: f.number('version'), ...(order ? { order } : {}), groups: groupsOf(f, 'groups') };
}

export function decodeDiff(json: unknown): DiffEvent {
  const f = Fields.of('a diff event', json);
  return {
    version: f.number('version'),
    changed: groupsOf(f, 'changed'),
    removed: f.strings('removed'),
    order: f.raw('order') === null ? null : f.strings('order'),
  };
}
