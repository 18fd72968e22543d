import { beforeAll, describe, expect, it } from 'vitest';
import { parseGroup } from '../../../core/metrics';
import type { Group } from '../../../core/metrics-types';
import {
  familyCounts,
  filterAndSort,
  hasQuickFilter,
  isFiltering,
  summarize,
  withoutQuickFilters,
  type Filters,
} from './filter';
import { EMPTY_QUERY, loadRegexEngine, parseQuery } from '../../../core/matchers';
import type { StateFilter } from '../states';
import { groupOn } from '../../testing/gateway-groups';

// Regex matchers are RE2's, loaded as the browser loads the engine.
beforeAll(() => loadRegexEngine());

const fam = (n = 1) => ({
  time_stamp: '',
  type: 'GAUGE',
  metrics: Array.from({ length: n }, (_, i) => ({ labels: { i: String(i) }, value: '1' })),
});
function group(labels: Record<string, string>, pushTime: number, families: Record<string, number>, ok = true): Group {
  return parseGroup(
    {
      labels,
      last_push_successful: ok,
      push_time_seconds: { time_stamp: '', type: 'GAUGE', metrics: [{ labels, value: String(pushTime) }] },
      ...Object.fromEntries(Object.entries(families).map(([n, c]) => [n, fam(c)])),
    },
    0,
  );
}

const groups = [
  group({ job: 'backup', instance: 'db-1' }, 100, { backup_ok: 1 }),
  group({ job: 'backup', instance: 'db-2' }, 300, { backup_ok: 1, backup_bytes: 3 }, false),
  group({ job: 'etl', instance: 'node-1', region: 'eu' }, 200, { rows: 5 }),
];
const none: Filters = { query: EMPTY_QUERY, family: null };
/** The state quick filters picked, judged with these stale keys (no usual intervals known). */
const pick = (want: StateFilter[], stale: string[] = []) => ({
  states: { want: new Set(want), ctx: { staleKeys: new Set(stale), lateKeys: null, intervals: null } },
});
const q = (text: string) => {
  const r = parseQuery(text);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};
const ids = (gs: Group[]) => gs.map((g) => g.labels.instance);

describe('filterAndSort', () => {
  it('keeps everything in job order without filters', () => {
    expect(ids(filterAndSort(groups, none, 'job'))).toEqual(['db-1', 'db-2', 'node-1']);
  });
  it('matches free text against label values and family names, every word', () => {
    expect(ids(filterAndSort(groups, { ...none, query: q('BYTES') }, 'job'))).toEqual(['db-2']);
    expect(ids(filterAndSort(groups, { ...none, query: q('eu rows') }, 'job'))).toEqual(['node-1']);
    expect(ids(filterAndSort(groups, { ...none, query: q('eu backup') }, 'job'))).toEqual([]);
  });
  it('applies matchers to grouping labels', () => {
    expect(ids(filterAndSort(groups, { ...none, query: q('{job="backup", instance=~".*2"}') }, 'job'))).toEqual([
      'db-2',
    ]);
    expect(ids(filterAndSort(groups, { ...none, query: q('region!="eu"') }, 'job'))).toEqual(['db-1', 'db-2']);
  });
  it('applies the quick filters', () => {
    expect(ids(filterAndSort(groups, { ...none, ...pick(['failed']) }, 'job'))).toEqual(['db-2']);
    expect(ids(filterAndSort(groups, { ...none, ...pick(['stale'], [groups[2]!.key]) }, 'job'))).toEqual(['node-1']);
    // Fresh: neither stale (node-1 here) nor failed (db-2).
    expect(ids(filterAndSort(groups, { ...none, ...pick(['fresh'], [groups[2]!.key]) }, 'job'))).toEqual(['db-1']);
    expect(ids(filterAndSort(groups, { ...none, family: 'backup_ok' }, 'job'))).toEqual(['db-1', 'db-2']);
  });
  it('sorts by last push and by size, ties in job order', () => {
    expect(ids(filterAndSort(groups, none, 'oldest'))).toEqual(['db-1', 'node-1', 'db-2']);
    expect(ids(filterAndSort(groups, none, 'newest'))).toEqual(['db-2', 'node-1', 'db-1']);
    expect(ids(filterAndSort(groups, none, 'families'))).toEqual(['db-2', 'db-1', 'node-1']);
    expect(ids(filterAndSort(groups, none, 'samples'))).toEqual(['node-1', 'db-2', 'db-1']);
  });
});

describe('filters on gateways', () => {
  const multi = [
    groupOn('eu-1', { job: 'backup', instance: 'db-1' }),
    groupOn('eu-2', { job: 'backup', instance: 'db-1' }),
    groupOn('us-1', { job: 'backup', instance: 'db-2' }),
  ];
  const where = (gs: Group[]) => gs.map((g) => `${g.labels.instance}@${g.gateway}`);
  const run = (filters: Partial<Filters>, list = multi) => where(filterAndSort(list, { ...none, ...filters }, 'job'));

  it('@gateway matchers match the gateway name, anchored, combined with labels and words', () => {
    expect(run({ query: q('@gateway="eu-1"') })).toEqual(['db-1@eu-1']);
    expect(run({ query: q('@gateway=~"eu-.*"') })).toEqual(['db-1@eu-1', 'db-1@eu-2']);
    expect(run({ query: q('@gateway=~"eu"') })).toEqual([]);
    expect(run({ query: q('@gateway!="eu-1"') })).toEqual(['db-1@eu-2', 'db-2@us-1']);
    expect(run({ query: q('{instance="db-1", @gateway!~"eu-2"} backup') })).toEqual(['db-1@eu-1']);
  });

  it('a group without a gateway (one gateway only) is on ""', () => {
    expect(ids(filterAndSort(groups, { ...none, query: q('@gateway="eu-1"') }, 'job'))).toEqual([]);
    expect(ids(filterAndSort(groups, { ...none, query: q('@gateway=""') }, 'job'))).toEqual(ids(groups));
  });

  it('the picked gateways keep groups on any of them', () => {
    expect(run({ gateways: new Set(['us-1']) })).toEqual(['db-2@us-1']);
    expect(run({ gateways: new Set(['us-1', 'eu-2']) })).toEqual(['db-1@eu-2', 'db-2@us-1']);
    expect(run({ gateways: new Set() })).toEqual(where(multi));
  });

  it('"only on several gateways" keeps the groups it is given the keys of', () => {
    expect(run({ duplicatedOnly: new Set([multi[0]!.key, multi[1]!.key]) })).toEqual(['db-1@eu-1', 'db-1@eu-2']);
  });

  it('counts each as filtering, and keeps the picked gateways and @gateway as the quick filters’ scope', () => {
    expect(isFiltering(none)).toBe(false);
    expect(isFiltering({ ...none, query: q('@gateway="x"') })).toBe(true);
    expect(isFiltering({ ...none, gateways: new Set(['x']) })).toBe(true);
    expect(isFiltering({ ...none, gateways: new Set() })).toBe(false);
    expect(isFiltering({ ...none, duplicatedOnly: new Set() })).toBe(true);
    expect(withoutQuickFilters({ ...none, duplicatedOnly: new Set(), ...pick(['stale']) })).toBeNull();
    expect(withoutQuickFilters({ ...none, gateways: new Set(['x']), duplicatedOnly: new Set() })).toMatchObject({
      gateways: new Set(['x']),
      duplicatedOnly: null,
    });
  });

  it('tells the quick filters from the rest (the page then counts within what it shows)', () => {
    expect(hasQuickFilter(none)).toBe(false);
    expect(hasQuickFilter({ ...none, query: q('job="a"'), gateways: new Set(['x']), family: 'm' })).toBe(false);
    for (const quick of [
      pick(['failed']),
      pick(['stale']),
      pick(['fresh']),
      pick(['attention']),
      { dueOnly: new Set<string>() },
      { duplicatedOnly: new Set<string>() },
    ]) {
      expect(hasQuickFilter({ ...none, ...quick })).toBe(true);
    }
  });
});

describe('familyCounts and summarize', () => {
  it('counts groups per family name', () => {
    expect(familyCounts(groups)).toEqual([
      ['backup_bytes', 1],
      ['backup_ok', 2],
      ['rows', 1],
    ]);
  });
  it('sums up the gateway', () => {
    expect(summarize(groups, new Set([groups[0]!.key]))).toEqual({
      groups: 3,
      jobs: 2,
      families: 4,
      samples: 10,
      fresh: 1,
      failed: 1,
      stale: 1,
      staleAndFailed: 0,
    });
  });
  it('counts the overlap of stale and failed, so the states add up', () => {
    const s = summarize(groups, new Set([groups[0]!.key, groups[1]!.key]));
    expect(s).toMatchObject({ fresh: 1, stale: 2, failed: 1, staleAndFailed: 1 });
    expect(s.fresh + s.stale + s.failed - s.staleAndFailed).toBe(s.groups);
  });
});
