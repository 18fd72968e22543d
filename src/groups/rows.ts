import type { Group } from '../../core/metrics-types';
import type { JobSection } from '../../core/order';
import { byCodeUnits } from '../../core/selector';

/** A gateway's groups in the list arranged by gateway, then job. */
export interface GatewaySection {
  gateway: string;
  groups: Group[];
}

/** One row of the virtual list; keys are unique across kinds (group keys never start with "gw:" or "job:"). */
export type Row =
  | { kind: 'gateway'; key: string; section: GatewaySection }
  /** `gateway` is set when the list is arranged by gateway: the section holds that gateway's groups of the job. */
  | { kind: 'job'; key: string; section: JobSection; gateway?: string }
  | { kind: 'group'; key: string; group: Group };

/** How the list is cut into headed sections. */
export type Arrangement = 'flat' | 'job' | 'gateway';

/** Groups in job order, stably re-ordered by gateway name: job order is kept inside each gateway. */
export function byGateway(groups: readonly Group[]): Group[] {
  return [...groups].sort((a, b) => byCodeUnits(a.gateway ?? '', b.gateway ?? ''));
}

/**
 * The rows for groups in job order: flat, under one heading per job, or under one heading per
 * gateway with the job headings starting again under each.
 */
export function toRows(groups: readonly Group[], arrangement: Arrangement): Row[] {
  if (arrangement === 'flat') return groups.map((g) => ({ kind: 'group', key: g.key, group: g }));
  const rows: Row[] = [];
  let gatewaySection: GatewaySection | undefined;
  let jobSection: JobSection | undefined;
  for (const g of arrangement === 'gateway' ? byGateway(groups) : groups) {
    if (arrangement === 'gateway') {
      const gateway = g.gateway ?? '';
      if (!gatewaySection || gatewaySection.gateway !== gateway) {
        gatewaySection = { gateway, groups: [] };
        jobSection = undefined;
        rows.push({ kind: 'gateway', key: `gw:${gateway}`, section: gatewaySection });
      }
      gatewaySection.groups.push(g);
    }
    if (!jobSection || jobSection.job !== g.job) {
      jobSection = { job: g.job, groups: [] };
      rows.push(
        gatewaySection
          ? {
              kind: 'job',
              key: `job:${gatewaySection.gateway}:${g.job}`,
              section: jobSection,
              gateway: gatewaySection.gateway,
            }
          : { kind: 'job', key: `job:${g.job}`, section: jobSection },
      );
    }
    jobSection.groups.push(g);
    rows.push({ kind: 'group', key: g.key, group: g });
  }
  return rows;
}
