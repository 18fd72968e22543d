import type { Group } from './metrics-types';
import { byCodeUnits, orderedLabelNames } from './selector';

const collator = new Intl.Collator('en', { numeric: true });

/**
 * The id of a group's job row: its job, or gateway and job with several gateways (gateway names
 * hold no `:`). The page's overview and the server's job strips (-/pushboard/history/jobs) agree on it.
 */
export const jobIdOf = (g: Pick<Group, 'job' | 'gateway'>): string =>
  g.gateway === undefined ? g.job : `${g.gateway}:${g.job}`;

/** What ordering needs of a group. */
export type Sortable = Pick<Group, 'job' | 'instance' | 'labels' | 'key'>;

/** Labels other than job and instance, in name order, for tie-breaking. */
function extraLabels(group: Sortable): string[] {
  return orderedLabelNames(group.labels)
    .filter((n) => n !== 'job' && n !== 'instance')
    .map((n) => `${n}=${group.labels[n]}`);
}

/**
 * The list's stable order: job, then instance (groups without one first), then the other labels;
 * numbers inside names compare as numbers (node-2 before node-10). Ties end in code-unit order of
 * the selector, so two different groups never compare equal and nothing jumps between polls.
 */
export function compareGroups(a: Sortable, b: Sortable): number {
  return (
    compareText(a.job, b.job) ||
    compareInstance(a.instance, b.instance) ||
    compareLists(extraLabels(a), extraLabels(b)) ||
    byCodeUnits(a.key, b.key)
  );
}

function compareInstance(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareText(a, b);
}

/** Collation first; code units break its ties ("a-1" vs "a-01"), so different names never compare equal. */
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || byCodeUnits(a, b);
}

function compareLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = collator.compare(a[i] ?? '', b[i] ?? '');
    if (c) return c;
  }
  return a.length - b.length;
}

export interface JobSection {
  job: string;
  groups: Group[];
}

/** Sorts the groups and cuts them into one section per job, in order. */
export function groupByJob(groups: readonly Group[]): JobSection[] {
  return sectionsOf([...groups].sort(compareGroups));
}

/** Cuts groups already in job order into one section per job. */
export function sectionsOf(sorted: readonly Group[]): JobSection[] {
  const sections: JobSection[] = [];
  for (const group of sorted) {
    const last = sections.at(-1);
    if (last && last.job === group.job) last.groups.push(group);
    else sections.push({ job: group.job, groups: [group] });
  }
  return sections;
}
