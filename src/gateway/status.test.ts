import { describe, expect, it } from 'vitest';
import statusFixture from './fixtures/api-v1-status-1.5.1.json';
import { ResponseShapeError } from '../../core/metrics';
import { parseStatusResponse } from './status';

type StatusJson = {
  status: string;
  data: { build_information?: unknown; flags: Record<string, unknown>; start_time?: unknown };
};
const fixture = (): StatusJson => JSON.parse(JSON.stringify(statusFixture));

function withFlags(flags: Record<string, unknown>): StatusJson {
  const json = fixture();
  json.data.flags = { ...json.data.flags, ...flags };
  return json;
}

describe('parseStatusResponse', () => {
  it('reads the captured 1.5.1 status', () => {
    const status = parseStatusResponse(fixture());
    expect(status.build).toEqual({
      version: '1.5.1',
      revision: '1.5.1-2+b5',
      branch: 'debian/sid',
      buildUser: 'team+pkg-go@tracker.debian.org',
      buildDate: '20230409-10:14:32',
      goVersion: 'go1.19.8',
    });
    expect(status.adminApiEnabled).toBe(true);
    expect(status.persistenceFile).toBe('/var/lib/prometheus/pushgateway.data');
    expect(status.startTime).toBe('2026-11-24T20:03:54.212326687Z');
    expect(status.flags['web.listen-address']).toBe('127.0.0.1:19191');
    expect(status.flags['persistence.interval']).toBe('5m0s');
    expect(Object.keys(status.flags)).toHaveLength(14);
  });

  it('sees the admin API off when the flag is "false" or absent', () => {
    expect(parseStatusResponse(withFlags({ 'web.enable-admin-api': 'false' })).adminApiEnabled).toBe(false);
    const json = fixture();
    delete json.data.flags['web.enable-admin-api'];
    expect(parseStatusResponse(json).adminApiEnabled).toBe(false);
  });

  it('sees persistence off when persistence.file is empty or absent', () => {
    expect(parseStatusResponse(withFlags({ 'persistence.file': '' })).persistenceFile).toBeUndefined();
    const json = fixture();
    delete json.data.flags['persistence.file'];
    expect(parseStatusResponse(json).persistenceFile).toBeUndefined();
  });

  it('fills missing build fields and start time with empty text', () => {
    const json = fixture();
    json.data.build_information = { version: '1.11.0', revision: 7 };
    delete json.data.start_time;
    const status = parseStatusResponse(json);
    expect(status.build).toEqual({
      version: '1.11.0',
      revision: '',
      branch: '',
      buildUser: '',
      buildDate: '',
      goVersion: '',
    });
    expect(status.startTime).toBe('');
  });

  it.each([
    ['a string', 'ok'],
    ['null', null],
    ['an array', []],
    ['status "error"', { status: 'error', data: {} }],
    ['data an array', { status: 'success', data: [] }],
    ['no data', { status: 'success' }],
  ])('throws ResponseShapeError for %s', (_, json) => {
    expect(() => parseStatusResponse(json)).toThrow(ResponseShapeError);
    expect(() => parseStatusResponse(json)).toThrow(/^expected \{"status":"success","data":\{…\}\}, got /);
  });

  it.each([
    ['missing', undefined],
    ['an array', ['a']],
    ['holding a number', { 'web.enable-admin-api': true }],
  ])('throws ResponseShapeError when flags are %s', (_, flags) => {
    const json = fixture() as { data: Record<string, unknown> };
    json.data.flags = flags;
    expect(() => parseStatusResponse(json)).toThrow(new ResponseShapeError('"flags" is not an object of text values'));
  });
});
