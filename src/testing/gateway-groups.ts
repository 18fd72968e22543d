/** Test groups as the merged model of several gateways has them. */
import { gatewayKey } from '../../core/gateway-key';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';

/** A group pushed at `pushed` (Unix seconds) with one gauge `value`; on `gateway` (its key prefixed) unless undefined. */
export function groupOn(
  gateway: string | undefined,
  labels: Record<string, string>,
  { pushed = 1000, value = '1' }: { pushed?: number; value?: string } = {},
): Group {
  const group = parseGroup(
    {
      labels,
      last_push_successful: true,
      push_time_seconds: { time_stamp: '', type: 'GAUGE', metrics: [{ labels, value: String(pushed) }] },
      bytes: { time_stamp: '', type: 'GAUGE', metrics: [{ labels, value }] },
    },
    0,
  );
  return gateway === undefined ? group : { ...group, key: gatewayKey(gateway, group.key), gateway };
}
