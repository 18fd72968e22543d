import type { Group } from '../../core/metrics-types';
import type { StateContext } from './states';
import { gatewaySections, jobSections, type GatewaySection, type JobOrder, type JobSection } from './jobs/sections';

export type { GatewaySection, JobSection };

/** One row of the virtual list; keys are unique across kinds (group keys never start with "gw:" or "job:"). */
export type Row =
  | { kind: 'gateway'; key: string; section: GatewaySection }
  /** `open`: its groups follow. `gateway` is set when the list is arranged by gateway (heading one level down). */
  | { kind: 'job'; key: string; section: JobSection; open: boolean; gateway?: string }
  | { kind: 'group'; key: string; group: Group };

/** How the list is cut into headed sections. */
export type Arrangement = 'flat' | 'job' | 'gateway';

export interface RowOptions {
  arrangement: Arrangement;
  /** Judges the groups' states for the job rows' counts; null until the whole snapshot is in. */
  ctx: StateContext | null;
  order: JobOrder;
  /** Whether a job row (by its section's id) shows its groups. */
  isOpen: (id: string) => boolean;
}

/**
 * The rows for groups in job order: flat, or one row per job (per job and gateway with several
 * gateways) followed by its groups when open; arranged by gateway, under one heading per gateway.
 */
export function toRows(groups: readonly Group[], { arrangement, ctx, order, isOpen }: RowOptions): Row[] {
  if (arrangement === 'flat') return groups.map((g) => ({ kind: 'group', key: g.key, group: g }));
  const rows: Row[] = [];
  const jobs = jobSections(groups, ctx, order);
  const pushJob = (section: JobSection, gateway?: string) => {
    const open = isOpen(section.id);
    rows.push({ kind: 'job', key: `job:${section.id}`, section, open, ...(gateway !== undefined && { gateway }) });
    if (open) for (const g of section.groups) rows.push({ kind: 'group', key: g.key, group: g });
  };
  if (arrangement === 'job') {
    for (const section of jobs) pushJob(section);
    return rows;
  }
  for (const gw of gatewaySections(jobs, ctx)) {
    rows.push({ kind: 'gateway', key: `gw:${gw.gateway}`, section: gw });
    for (const section of gw.jobs) pushJob(section, gw.gateway);
  }
  return rows;
}
