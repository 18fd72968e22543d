import { describe, expect, it } from 'vitest';
import type { Group } from '../../core/metrics-types';
import { filterAndSort } from '../groups/find/filter';
import { EMPTY_QUERY } from '../../core/matchers';
import { parseCadenceView } from './api';
import { familySelector, graphUrl } from './graph-link';
import { cadenceNote, overdueGroups } from './overdue';

const group = (key: string, pushTime: number): Group => ({
  key,
  labels: { job: key },
  job: key,
  instance: undefined,
  selector: key,
  lastPushSuccessful: true,
  pushTime,
  failureTime: 0,
  families: [],
  sampleCount: 0,
});

const cadence = parseCadenceView({
  available: true,
  factor: 2,
  refreshMs: 60_000,
  intervals: { hourly: 3600, minutely: 60, bad: -1, worse: 'x' },
});

describe('cadenceNote', () => {
  const now = 100_000 * 1000;
  it('says the usual interval, and overdue in words once past factor × interval', () => {
    expect(cadenceNote(group('hourly', 100_000 - 3600), cadence, now)).toMatchObject({
      overdue: false,
      text: 'usually every 1h',
    });
    expect(cadenceNote(group('hourly', 100_000 - 11_400), cadence, now)).toMatchObject({
      overdue: true,
      text: 'Overdue: usually every 1h, last push 3h 10m ago',
    });
  });
  it('has nothing to say without a rhythm, a push or a readable group', () => {
    expect(cadenceNote(group('unknown', 1), cadence, now)).toBeNull();
    expect(cadenceNote(group('bad', 1), cadence, now)).toBeNull();
    expect(cadenceNote(group('hourly', 1), undefined, now)).toBeNull();
    expect(cadenceNote({ ...group('hourly', 1), problem: 'broken' }, cadence, now)).toBeNull();
    expect(cadenceNote(group('hourly', 0), cadence, now)?.overdue).toBe(false);
  });
  it('ranks the overdue by how many of their own intervals late they are', () => {
    const groups = [group('hourly', 100_000 - 3 * 3600), group('minutely', 100_000 - 600), group('fresh', 100_000)];
    const late = overdueGroups(groups, cadence, now)!;
    expect([...late.keys()].sort()).toEqual(['hourly', 'minutely']);
    const filters = { query: EMPTY_QUERY, failedOnly: false, staleOnly: false, freshOnly: false, family: null };
    expect(filterAndSort(groups, filters, new Set(), 'overdue', late).map((g) => g.key)).toEqual([
      'minutely',
      'hourly',
      'fresh',
    ]);
    expect(
      filterAndSort(groups, { ...filters, overdueOnly: new Set(late.keys()) }, new Set(), 'job').map((g) => g.key),
    ).toEqual(['hourly', 'minutely']);
    expect(overdueGroups(groups, undefined, now)).toBeNull();
  });
});

describe('Open in Prometheus', () => {
  it('quotes selectors as Prometheus 3 does, names and values alike', () => {
    expect(
      familySelector('rows', [
        ['job', 'a"b'],
        ['instance', ''],
      ]),
    ).toBe('rows{job="a\\"b", instance=""}');
    expect(familySelector('my.rows', [['foo.bar', 'x\ny']])).toBe('{"my.rows", "foo.bar"="x\\ny"}');
  });
  it('links to the graph page under any path prefix', () => {
    const url = new URL(graphUrl('https://prom.example/prometheus', 'up{job="x"}'));
    expect(url.pathname).toBe('/prometheus/graph');
    expect(url.searchParams.get('g0.expr')).toBe('up{job="x"}');
  });
});
