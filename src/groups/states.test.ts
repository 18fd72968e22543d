import { describe, expect, it } from 'vitest';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { EMPTY_QUERY, parseQuery } from '../../core/matchers';
import { filterAndSort } from './find/filter';
import { jobSections } from './jobs/sections';
import { countStates, needsAttention, statesOf, type StateContext, type StateFilter } from './states';

function group(job: string, instance: string, { pushed = 1000, ok = true } = {}): Group {
  const labels = { job, instance };
  return parseGroup(
    {
      labels,
      last_push_successful: ok,
      push_time_seconds: { time_stamp: '', type: 'GAUGE', metrics: [{ labels, value: String(pushed) }] },
    },
    0,
  );
}

const fresh = group('backup', 'fresh', { pushed: 900 });
const failed = group('backup', 'failed', { ok: false, pushed: 800 });
const stale = group('backup', 'stale', { pushed: 100 });
const staleWithRhythm = group('etl', 'stale-hourly', { pushed: 200 });
const overdue = group('etl', 'overdue', { pushed: 300 });
const malformed: Group = { ...group('etl', 'broken', { pushed: 950 }), problem: 'two TYPE lines' };
const all = [fresh, failed, stale, staleWithRhythm, overdue, malformed];
const ctx: StateContext = {
  staleKeys: new Set([stale.key, staleWithRhythm.key]),
  lateKeys: new Set([overdue.key]),
  intervals: new Map([
    [staleWithRhythm.key, 3600],
    [overdue.key, 60],
    [fresh.key, 30],
  ]),
};
const instances = (gs: readonly Group[]) => gs.map((g) => g.instance);
const only = (want: StateFilter[], text = '') => {
  const parsed = parseQuery(text);
  return filterAndSort(
    all,
    { query: parsed.ok ? parsed.query : EMPTY_QUERY, family: null, states: { want: new Set(want), ctx } },
    'job',
  );
};

describe('group states', () => {
  it('names each state of a group, worst first; fresh is none of the others', () => {
    expect(statesOf(fresh, ctx)).toEqual(['fresh']);
    expect(statesOf(failed, ctx)).toEqual(['failed']);
    expect(statesOf(malformed, ctx)).toEqual(['malformed']);
    expect(statesOf(overdue, ctx)).toEqual(['overdue']);
    expect(
      statesOf(group('x', 'y', { ok: false, pushed: 1 }), { ...ctx, staleKeys: new Set(['{job="x", instance="y"}']) }),
    ).toEqual(['failed', 'stale']);
  });

  it('needs attention: failed, overdue or malformed, and stale only where no usual interval is known', () => {
    expect(all.filter((g) => needsAttention(g, ctx)).map((g) => g.instance)).toEqual([
      'failed',
      'stale',
      'overdue',
      'broken',
    ]);
  });
});

describe('state quick filters', () => {
  it('combine with OR among themselves', () => {
    expect(instances(only(['failed']))).toEqual(['failed']);
    expect(instances(only(['failed', 'overdue']))).toEqual(['failed', 'overdue']);
    expect(instances(only(['failed', 'overdue', 'malformed']))).toEqual(['failed', 'overdue', 'broken']);
    expect(instances(only(['fresh', 'stale']))).toEqual(['fresh', 'stale', 'stale-hourly']);
  });

  it('and with AND against the text filter', () => {
    expect(instances(only(['failed', 'overdue'], 'job="etl"'))).toEqual(['overdue']);
    expect(instances(only(['failed', 'overdue'], 'fresh'))).toEqual([]);
  });

  it('"needs attention" is its own OR member', () => {
    expect(instances(only(['attention']))).toEqual(['failed', 'stale', 'overdue', 'broken']);
    expect(instances(only(['attention', 'fresh']))).toEqual(['fresh', 'failed', 'stale', 'overdue', 'broken']);
  });
});

describe('per-job counts', () => {
  it('counts each job’s groups by state, with its newest and oldest push and usual interval', () => {
    const sections = jobSections(all, ctx, 'name');
    expect(sections.map((s) => s.job)).toEqual(['backup', 'etl']);
    const [backup, etl] = sections;
    expect(backup!.counts).toEqual({
      groups: 3,
      states: { failed: 1, malformed: 0, overdue: 0, stale: 1, fresh: 1 },
      attention: 2,
      newest: 900,
      oldest: 100,
      usual: 30,
    });
    expect(etl!.counts).toEqual({
      groups: 3,
      states: { failed: 0, malformed: 1, overdue: 1, stale: 1, fresh: 0 },
      attention: 2,
      newest: 950,
      oldest: 200,
      usual: 3600,
    });
  });

  it('a group in two states counts in both', () => {
    const both = group('x', 'y', { ok: false, pushed: 1 });
    const counts = countStates([both], { ...ctx, staleKeys: new Set([both.key]) });
    expect(counts.states).toMatchObject({ failed: 1, stale: 1, fresh: 0 });
    expect(counts.attention).toBe(1);
  });

  it('orders jobs needing attention first, the rest by name; by name alone on request', () => {
    const calm = group('aaa', 'ok', { pushed: 999 });
    const list = [calm, ...all];
    expect(jobSections(list, ctx, 'attention').map((s) => s.job)).toEqual(['backup', 'etl', 'aaa']);
    expect(jobSections(list, ctx, 'name').map((s) => s.job)).toEqual(['aaa', 'backup', 'etl']);
  });

  it('counts nothing until the states can be judged (the whole snapshot is in)', () => {
    const [section] = jobSections(all, null, 'attention');
    expect(section!.counts.groups).toBe(0);
  });
});
