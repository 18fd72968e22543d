import { describe, expect, it } from 'vitest';
import type { Group } from '../../core/metrics-types';
import { filterAndSort } from '../groups/find/filter';
import { EMPTY_QUERY } from '../../core/matchers';
import { decodeCadence as parseCadenceView } from '../../core/wire/cadence';
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
    const filters = { query: EMPTY_QUERY, family: null };
    expect(filterAndSort(groups, filters, 'overdue', late).map((g) => g.key)).toEqual(['minutely', 'hourly', 'fresh']);
    expect(
      filterAndSort(
        groups,
        {
          ...filters,
          states: {
            want: new Set(['overdue' as const]),
            ctx: { staleKeys: new Set(), lateKeys: new Set(late.keys()), intervals: null },
          },
        },
        'job',
      ).map((g) => g.key),
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

describe('rhythms from the server', () => {
  const now = 1_000_000 * 1000;
  const view = parseCadenceView({
    available: true,
    factor: 2,
    intervals: { weekly: 604_800, nightly: 86_400 },
    rhythms: {
      weekly: {
        source: 'every',
        intervalSeconds: 604_800,
        describe: 'expected every 7d',
        basis: 1_000_000 - 4 * 86_400,
        nextDue: 1_000_000 + 3 * 86_400,
        lateAt: 1_000_000 + 4 * 86_400,
        staleAfter: 691_200,
      },
      nightly: {
        source: 'cron',
        intervalSeconds: 86_400,
        describe: 'expected daily at 03:00 UTC',
        basis: 1_000_000 - 30 * 3600,
        nextDue: 1_000_000 - 6 * 3600,
        lateAt: 1_000_000 - 5 * 3600,
      },
      broken: { source: 'guess', intervalSeconds: 1, describe: 'x', basis: 1, nextDue: 1, lateAt: 1 },
    },
    staleAfter: { weekly: 691_200, nothing: -1 },
  });

  it('reads them, leaving out what it cannot use', () => {
    expect([...view.rhythms.keys()]).toEqual(['weekly', 'nightly']);
    expect([...view.staleAfter]).toEqual([['weekly', 691_200]]);
  });

  it('a 4-day-old weekly group is on time, and says when it is due', () => {
    expect(cadenceNote(group('weekly', 1_000_000 - 4 * 86_400), view, now)).toMatchObject({
      overdue: false,
      text: 'expected every 7d',
      due: 'next due in 3d',
    });
  });

  it('a nightly group past its run and grace is late; a push since the server judged makes it on time', () => {
    expect(cadenceNote(group('nightly', 1_000_000 - 30 * 3600), view, now)).toMatchObject({
      overdue: true,
      text: 'Overdue: expected daily at 03:00 UTC, last push 1d 6h ago',
      due: 'was due 6h ago',
    });
    expect(cadenceNote(group('nightly', 1_000_000 - 60), view, now)).toMatchObject({
      overdue: false,
      due: 'next due in 23h 59m',
    });
  });
});
