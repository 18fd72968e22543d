import { describe, expect, it } from 'vitest';
import { groupOn } from '../testing/gateway-groups';
import { toRows, type Row } from './rows';

// In job order as the merged model has it: the same grouping key side by side by gateway name.
const groups = [
  groupOn('us-1', { job: 'backup', instance: 'db-1' }),
  groupOn('eu-1', { job: 'backup', instance: 'db-1' }),
  groupOn('eu-1', { job: 'backup', instance: 'db-2' }),
  groupOn('us-1', { job: 'etl' }),
];

/** Each row as a reader sees it: a heading with its count, or a group's instance (and gateway). */
const show = (rows: Row[]) =>
  rows.map((r) =>
    r.kind === 'gateway'
      ? `gateway ${r.section.gateway} (${r.section.groups.length})`
      : r.kind === 'job'
        ? `  job ${r.section.job} (${r.section.groups.length})`
        : `    ${r.group.instance ?? '-'}@${r.group.gateway}`,
  );

describe('toRows', () => {
  it('arranged by gateway: a heading per gateway, job headings starting again under each, job order kept inside', () => {
    const rows = toRows(groups, 'gateway');
    expect(show(rows)).toEqual([
      'gateway eu-1 (2)',
      '  job backup (2)',
      '    db-1@eu-1',
      '    db-2@eu-1',
      'gateway us-1 (2)',
      '  job backup (1)',
      '    db-1@us-1',
      '  job etl (1)',
      '    -@us-1',
    ]);
    // A job's section (and so its "Select all in job") holds only that gateway's groups.
    const usBackup = rows.find((r) => r.key === 'job:us-1:backup');
    expect(usBackup?.kind === 'job' && usBackup.section.groups.map((g) => g.key)).toEqual([groups[0]!.key]);
    expect(usBackup?.kind === 'job' && usBackup.gateway).toBe('us-1');
  });

  it('gives every row a unique key, for the virtual list', () => {
    const keys = toRows(groups, 'gateway').map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 2)).toEqual(['gw:eu-1', 'job:eu-1:backup']);
  });

  it('by job: one heading per job across gateways, as with one gateway', () => {
    expect(show(toRows(groups, 'job'))).toEqual([
      '  job backup (3)',
      '    db-1@us-1',
      '    db-1@eu-1',
      '    db-2@eu-1',
      '  job etl (1)',
      '    -@us-1',
    ]);
    expect(toRows(groups, 'job')[0]).toMatchObject({ key: 'job:backup' });
    expect(toRows(groups, 'job')[0]).not.toHaveProperty('gateway');
  });

  it('flat: the groups alone, in the order given', () => {
    expect(show(toRows(groups, 'flat'))).toEqual(['    db-1@us-1', '    db-1@eu-1', '    db-2@eu-1', '    -@us-1']);
  });
});
