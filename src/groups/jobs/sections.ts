import type { Group } from '../../../core/metrics-types';
import { jobIdOf } from '../../../core/order';
import { byCodeUnits } from '../../../core/selector';
import { countStates, emptyCounts, type StateContext, type StateCounts } from '../states';

/** How job rows are ordered: those needing attention first (then by name), or by name alone. */
export const JOB_ORDERS = ['attention', 'name'] as const;
export type JobOrder = (typeof JOB_ORDERS)[number];

/** One job's groups (with several gateways: one job's groups on one gateway), with their counts. */
export interface JobSection {
  /** `backup`, or `eu-1:backup` with several gateways (gateway names hold no `:`): the URL's name for it. */
  id: string;
  job: string;
  /** The gateway, with several gateways. */
  gateway?: string;
  groups: Group[];
  counts: StateCounts;
}

/** A gateway's job sections, for the list arranged by gateway and the gateways' overview. */
export interface GatewaySection {
  gateway: string;
  groups: Group[];
  counts: StateCounts;
  jobs: JobSection[];
}

export { jobIdOf };

/**
 * Cuts groups in job order into job sections (one per job, or per job and gateway), counted, in
 * job order with each job's gateways by name, then ordered by `order` (stable: ties keep job order).
 */
export function jobSections(groups: readonly Group[], ctx: StateContext | null, order: JobOrder): JobSection[] {
  const byId = new Map<string, JobSection>();
  const sections: JobSection[] = [];
  for (const g of groups) {
    const id = jobIdOf(g);
    let section = byId.get(id);
    if (!section) {
      section = { id, job: g.job, groups: [], counts: EMPTY_COUNTS };
      if (g.gateway !== undefined) section.gateway = g.gateway;
      byId.set(id, section);
      sections.push(section);
    }
    section.groups.push(g);
  }
  // Groups arrive in job order, so one job's sections are next to each other: order them by gateway.
  const jobRank = new Map<string, number>();
  for (const s of sections) if (!jobRank.has(s.job)) jobRank.set(s.job, jobRank.size);
  sections.sort((a, b) => jobRank.get(a.job)! - jobRank.get(b.job)! || byCodeUnits(a.gateway ?? '', b.gateway ?? ''));
  if (ctx) for (const s of sections) s.counts = countStates(s.groups, ctx);
  if (order === 'attention' && ctx)
    sections.sort((a, b) => Number(b.counts.attention > 0) - Number(a.counts.attention > 0));
  return sections;
}

/** The job sections of each gateway, in gateway name order. */
export function gatewaySections(jobs: readonly JobSection[], ctx: StateContext | null): GatewaySection[] {
  const byName = new Map<string, GatewaySection>();
  for (const job of jobs) {
    const name = job.gateway ?? '';
    let section = byName.get(name);
    if (!section) {
      section = { gateway: name, groups: [], counts: EMPTY_COUNTS, jobs: [] };
      byName.set(name, section);
    }
    section.jobs.push(job);
    section.groups.push(...job.groups);
  }
  const out = [...byName.values()].sort((a, b) => byCodeUnits(a.gateway, b.gateway));
  if (ctx) for (const s of out) s.counts = countStates(s.groups, ctx);
  return out;
}

/** Counts not known yet (the whole snapshot has not arrived): never shown as numbers. */
export const EMPTY_COUNTS: StateCounts = emptyCounts();
