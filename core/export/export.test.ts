import { describe, expect, it } from 'vitest';
import metricsFixture from '../../src/gateway/fixtures/api-v1-metrics-1.5.1.json';
import histogramFixture from '../../src/gateway/fixtures/api-v1-metrics-1.11.0-histograms.json';
import { parseGroups, parseMetricsResponse } from '../metrics';
import { goFloat } from './api-json';
import { csvCell, csvRow, groupCsv } from './csv';
import { exportChunks, exportFileName, selectGroups } from './export';

describe('csvCell', () => {
  it('quotes cells holding commas, quotes, CR or LF, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
  });

  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1+cmd')).toBe("'+1+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('-Inf')).toBe("'-Inf");
  });

  it('leaves plain numbers alone, negative ones included', () => {
    expect(csvCell('-1.5e+20')).toBe('-1.5e+20');
    expect(csvCell('+3')).toBe('+3');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('1e-300')).toBe('1e-300');
  });

  it('ends each row with CRLF', () => {
    expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });
});

describe('groupCsv', () => {
  it('writes one row per sample with the grouping labels, TYPE and the last push in UTC, neutralised and quoted', () => {
    const [group] = parseGroups([
      {
        labels: { job: '@batch', instance: 'n1', env: '=cmd' },
        last_push_successful: true,
        push_time_seconds: {
          type: 'GAUGE',
          time_stamp: 'T',
          metrics: [{ labels: { job: '@batch', instance: 'n1', env: '=cmd' }, value: '1.7955456e+09' }],
        },
        size_bytes: {
          type: 'HISTOGRAM',
          time_stamp: 'T',
          metrics: [
            {
              labels: { job: '@batch', instance: 'n1', env: '=cmd', disk: 'a,b' },
              buckets: { '10': '1', '+Inf': '2' },
              count: '2',
              sum: '30',
            },
          ],
        },
      },
    ]);
    const rows = groupCsv(group!, 'gw').split('\r\n').slice(0, -1);
    const at = '2026-11-24T18:40:00.000Z';
    expect(rows).toEqual([
      `gw,'@batch,"env=""=cmd"", instance=""n1""",size_bytes_bucket,HISTOGRAM,"disk=""a,b"", le=""10""",1,${at}`,
      `gw,'@batch,"env=""=cmd"", instance=""n1""",size_bytes_bucket,HISTOGRAM,"disk=""a,b"", le=""+Inf""",2,${at}`,
      `gw,'@batch,"env=""=cmd"", instance=""n1""",size_bytes_sum,HISTOGRAM,"disk=""a,b""",30,${at}`,
      `gw,'@batch,"env=""=cmd"", instance=""n1""",size_bytes_count,HISTOGRAM,"disk=""a,b""",2,${at}`,
    ]);
  });
});

describe('goFloat', () => {
  it.each([
    [42, '42'],
    [0, '0'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [1795545600, '1.7955456e+09'],
    [1795550635.7203333, '1.7955506357203333e+09'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
  ])('%d → %s', (x, text) => {
    expect(goFloat(x)).toBe(text);
  });
});

describe('JSON export', () => {
  it('is the gateway’s own data shape: read back, it gives the same groups', () => {
    for (const fixture of [metricsFixture, { status: 'success', data: histogramFixture }]) {
      const groups = parseMetricsResponse(fixture).filter((g) => !g.problem);
      const text = [...exportChunks(groups, 'json', { gateway: 'gw' })].join('');
      expect(parseMetricsResponse({ status: 'success', data: JSON.parse(text) })).toEqual(groups);
    }
  });
});

describe('selectGroups', () => {
  const groups = parseMetricsResponse(metricsFixture);
  it('takes the filter box’s syntax, and says what is wrong with a bad filter', () => {
    const picked = selectGroups(groups, 'job="batch"');
    expect(picked.ok && [...picked.groups].every((g) => g.job === 'batch')).toBe(true);
    expect(selectGroups(groups, '{job="x"')).toEqual({ ok: false, error: expect.stringContaining('}') });
  });
});

describe('exportFileName', () => {
  it('names the gateway and the time', () => {
    const at = Date.UTC(2026, 10, 24, 21, 6, 23, 500);
    expect(exportFileName('csv', 'http://gw.example.com:9091/', at)).toBe(
      'pushboard-gw.example.com_9091-20261124T210623Z.csv',
    );
    expect(exportFileName('text', 'eu-1+us/1', at)).toBe('pushboard-eu-1_us_1-20261124T210623Z.prom');
  });
});
