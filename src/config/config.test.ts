import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from './config';

describe('parseConfig', () => {
  it('reads the known settings', () => {
    expect(
      parseConfig({
        readOnly: true,
        staleThreshold: '5m',
        pollIntervalMs: 10000,
        gatewayBase: '../',
        gatewayAddress: 'http://gw:9091/',
      }),
    ).toEqual({
      readOnly: true,
      staleThreshold: '5m',
      pollIntervalMs: 10000,
      gatewayBase: '../',
      gatewayAddress: 'http://gw:9091/',
    });
  });
  it('falls back to defaults for missing, wrong or unknown values', () => {
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(
      parseConfig({
        readOnly: 'yes',
        staleThreshold: 5,
        pollIntervalMs: 5,
        gatewayBase: '',
        gatewayAddress: 'not a url',
        other: 1,
      }),
    ).toEqual(DEFAULT_CONFIG);
  });
});
