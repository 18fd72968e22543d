import { describe, expect, it } from 'vitest';
import { groupOn } from '../testing/gateway-groups';
import { toRows, type Row, type RowOptions } from './rows';

// In job order as the merged model has it: the same grouping key side by side by gateway name.
const groups = [
  groupOn('us-1', { job: 'backup', instance: 'db-1' }),
  groupOn('eu-1', { job: 'backup', instance: 'db-1' }),
  groupOn('eu-1', { job: 'backup', instance: 'db-2' }),
  groupOn('us-1', { job: 'etl' }),
];
const ctx = { staleKeys: new Set<string>(), lateKeys: null, intervals: null };
const all = (arrangement: RowOptions['arrangement']): RowOptions => ({
  arrangement,
  ctx,
  order: 'name',
  isOpen: () => true,
});

/** Each row as a reader sees it: a heading with its count, or a group's instance (and gateway). */
const show = (rows: Row[]) =>
  rows.map((r) =>
    r.kind === 'gateway'
      ? `gateway ${r.section.gateway} (${r.section.groups.length})`
      : r.kind === 'job'
        ? `  job ${r.section.job}${r.section.gateway ? `@${r.section.gateway}` : ''} (${r.section.groups.length})`
        : `    ${r.group.instance ?? '-'}@${r.group.gateway}`,
  );

describe('toRows', () => {
  it('arranged by gateway: a heading per gateway, job rows starting again under each, job order kept inside', () => {
    const rows = toRows(groups, all('gateway'));
    expect(show(rows)).toEqual([
      'gateway eu-1 (2)',
      '  job backup@eu-1 (2)',
      '    db-1@eu-1',
      '    db-2@eu-1',
      'gateway us-1 (2)',
      '  job backup@us-1 (1)',
      '    db-1@us-1',
      '  job etl@us-1 (1)',
      '    -@us-1',
    ]);
    // A job's section (and so its "Select all in job") holds only that gateway's groups.
    const usBackup = rows.find((r) => r.key === 'job:us-1:backup');
    expect(usBackup?.kind === 'job' && usBackup.section.groups.map((g) => g.key)).toEqual([groups[0]!.key]);
    expect(usBackup?.kind === 'job' && usBackup.gateway).toBe('us-1');
  });

  it('gives every row a unique key, for the virtual list', () => {
    const keys = toRows(groups, all('gateway')).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 2)).toEqual(['gw:eu-1', 'job:eu-1:backup']);
  });

  it('by job with several gateways: one row per job and gateway, the gateways of a job by name', () => {
    expect(show(toRows(groups, all('job')))).toEqual([
      '  job backup@eu-1 (2)',
      '    db-1@eu-1',
      '    db-2@eu-1',
      '  job backup@us-1 (1)',
      '    db-1@us-1',
      '  job etl@us-1 (1)',
      '    -@us-1',
    ]);
    expect(toRows(groups, all('job'))[0]).not.toHaveProperty('gateway');
  });

  it('a folded job is its row alone; the others keep their groups', () => {
    const rows = toRows(groups, { ...all('job'), isOpen: (id) => id !== 'eu-1:backup' });
    expect(show(rows)).toEqual([
      '  job backup@eu-1 (2)',
      '  job backup@us-1 (1)',
      '    db-1@us-1',
      '  job etl@us-1 (1)',
      '    -@us-1',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'job', open: false });
  });

  it('flat: the groups alone, in the order given', () => {
    expect(show(toRows(groups, all('flat')))).toEqual([
      '    db-1@us-1',
      '    db-1@eu-1',
      '    db-2@eu-1',
      '    -@us-1',
    ]);
  });
});
