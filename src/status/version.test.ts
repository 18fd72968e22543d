import { describe, expect, it } from 'vitest';
import status151 from '../gateway/fixtures/api-v1-status-1.5.1.json';
import { parseStatusResponse, type GatewayStatus } from '../gateway/status';
import { atLeast, parseVersion, versionNotes } from './version';

const base = parseStatusResponse(status151);
const gateway = (version: string, flags: Record<string, string> = {}): GatewayStatus => ({
  ...base,
  build: { ...base.build, version },
  flags: { ...base.flags, ...flags },
});
const adapts = (s: GatewayStatus) => Object.fromEntries(versionNotes(s).adapts);

describe('parseVersion and atLeast', () => {
  it('reads versions as gateways report them', () => {
    expect(parseVersion('1.11.0')).toEqual([1, 11, 0]);
    expect(parseVersion('1.5.1+ds')).toEqual([1, 5, 1]);
    expect(parseVersion('v1.8')).toEqual([1, 8, 0]);
    expect(parseVersion('devel')).toBeUndefined();
  });
  it('compares part by part, unknown counting as new', () => {
    expect(atLeast([1, 10, 0], 1, 8, 0)).toBe(true);
    expect(atLeast([1, 5, 1], 1, 6, 1)).toBe(false);
    expect(atLeast([1, 6, 1], 1, 6, 1)).toBe(true);
    expect(atLeast(undefined, 9, 9, 9)).toBe(true);
  });
});

describe('versionNotes', () => {
  it('on 1.5.1 (recorded status): no UTF-8 names, no native buckets, and the base64 wedge', () => {
    expect(base.build.version).toBe('1.5.1');
    expect(adapts(base)['UTF-8 names']).toMatch(/^Not available/);
    expect(adapts(base)['Native histograms']).toMatch(/^Not readable/);
    const { traps } = versionNotes(base);
    expect(traps[0]).toMatch(
      /invalid base64 in a job@base64 path leaves that path hanging .* until the gateway restarts/,
    );
    expect(traps[1]).toMatch(/^Float histograms .* counts of 0/);
  });

  it('on 1.11.0: UTF-8 names as the flag says, native buckets, and the unanswered refusal', () => {
    expect(adapts(gateway('1.11.0', { 'push.enable-utf8-names': 'true' }))['UTF-8 names']).toMatch(/^On/);
    expect(adapts(gateway('1.11.0', { 'push.enable-utf8-names': 'false' }))['UTF-8 names']).toMatch(/^Off/);
    expect(adapts(gateway('1.11.0'))['Native histograms']).toMatch(/native buckets only/);
    expect(versionNotes(gateway('1.11.0')).traps).toEqual([expect.stringMatching(/gets no answer at all/)]);
  });

  it('on 1.8 and 1.11.3: native buckets without the 1.10 note; no known traps on 1.11.3', () => {
    expect(adapts(gateway('1.8.0'))['Native histograms']).toBe(
      'Shown with their buckets and pushed back as protobuf by Undo.',
    );
    expect(versionNotes(gateway('1.11.3')).traps).toEqual([]);
  });
});
