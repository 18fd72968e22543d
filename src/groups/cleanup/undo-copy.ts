/**
 * What Undo pushes back, decided before anything is deleted. The JSON API shows a histogram with
 * both classic and native buckets by one half only (1.5.1 the classic, 1.10+ the native), so each
 * group is cut out of the gateway's `/metrics` in protobuf, which holds every field as pushed,
 * and Undo PUTs those bytes. Where that cannot be read, a group that the API shows whole (no
 * histogram) is rebuilt from it as before; any other is named as lost, with the reason, in the
 * delete dialog and not offered for Undo.
 */
import { servedByServer } from '../../config/config';
import type { GatewayClient } from '../../gateway/client';
import { restoreProblem } from '../../gateway/protobuf-group';
import {
  PROTOBUF_ACCEPT,
  PUSHED_PROTOBUF_PATH,
  readDelimited,
  seriesKey,
  writeDelimited,
  type RawFamily,
  type RawMetric,
} from '../../../core/protobuf-families';
import type { Group } from '../../../core/metrics-types';

export type UndoCopy = { kind: 'exact'; body: Uint8Array<ArrayBuffer> } | { kind: 'lost'; reason: string };

/**
 * Each group's copy by key. A group without one is rebuilt from the API (exact for it: it holds no
 * histogram and nothing else the API shows only in part).
 */
export type UndoCopies = ReadonlyMap<string, UndoCopy>;

/** Why Undo would not restore this group exactly, or undefined when it would. */
export function undoLoss(copies: UndoCopies, group: Group): string | undefined {
  const copy = copies.get(group.key);
  if (copy) return copy.kind === 'lost' ? copy.reason : undefined;
  return restoreProblem(group);
}

/** A gateway's pushed series by family name, then by series (see `seriesKey`). */
export type PushedIndex = ReadonlyMap<string, { family: RawFamily; series: ReadonlyMap<string, RawMetric> }>;

/** Indexes families once, so that cutting out thousands of groups stays linear. */
export function indexPushed(families: readonly RawFamily[]): PushedIndex {
  return new Map(
    families.map((family) => [
      family.name,
      { family, series: new Map(family.metrics.map((m) => [seriesKey(m.labels), m])) },
    ]),
  );
}

/** The gateway's pushed series in protobuf: through the Pushboard server, or its own `/metrics`. */
async function readPushed(client: GatewayClient, gateway: string | undefined): Promise<PushedIndex> {
  const path = client.onGateway(gateway, servedByServer() ? PUSHED_PROTOBUF_PATH : 'metrics');
  return indexPushed(readDelimited(await client.getBytes(path, PROTOBUF_ACCEPT)));
}

/** The group's families cut out of `/metrics`, or why they cannot be (a series the API showed is missing). */
export function cutGroup(group: Group, pushed: PushedIndex): UndoCopy {
  const out: RawFamily[] = [];
  for (const family of group.families) {
    const raw = pushed.get(family.name);
    const metrics = family.samples.map((s) => raw?.series.get(seriesKey(s.labels)));
    if (!raw || metrics.some((m) => m === undefined))
      return { kind: 'lost', reason: `"${family.name}" is not in the gateway's /metrics as the list showed it` };
    out.push({ ...raw.family, metrics: metrics as RawMetric[] });
  }
  return { kind: 'exact', body: writeDelimited(out) };
}

/** The first histogram family of the group: the one thing the API may show only half of. */
const histogramOf = (group: Group) => group.families.find((f) => f.type === 'HISTOGRAM');

/** Why a group cannot be copied exactly, when `/metrics` could not be read or did not hold it. */
function lost(group: Group, why: string): UndoCopy | undefined {
  const problem = restoreProblem(group);
  if (problem) return { kind: 'lost', reason: problem };
  const histogram = histogramOf(group);
  if (!histogram) return undefined;
  const half = histogram.samples.some((s) => s.kind === 'native-histogram') ? 'classic' : 'native';
  return {
    kind: 'lost',
    reason: `cannot restore histogram "${histogram.name}" exactly: the API shows none of its ${half} buckets, if it has any, and ${why}`,
  };
}

/** Every group's copy, one read of `/metrics` per gateway among them; never throws. */
export async function readUndoCopies(client: GatewayClient, groups: readonly Group[]): Promise<UndoCopies> {
  const copies = new Map<string, UndoCopy>();
  const gateways = [...new Set(groups.map((g) => g.gateway))];
  await Promise.all(
    gateways.map(async (gateway) => {
      const own = groups.filter((g) => g.gateway === gateway);
      let pushed: PushedIndex | undefined;
      let why = '';
      try {
        pushed = await readPushed(client, gateway);
      } catch (error) {
        why = `the gateway's /metrics could not be read (${error instanceof Error ? error.message : String(error)})`;
      }
      for (const group of own) {
        const cut = pushed ? cutGroup(group, pushed) : undefined;
        const copy = cut?.kind === 'exact' ? cut : lost(group, cut?.reason ?? why);
        if (copy) copies.set(group.key, copy);
      }
    }),
  );
  return copies;
}
