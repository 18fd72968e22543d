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

describe('parseConfig gateways', () => {
  const two = [
    { name: 'eu-1', base: '-/gateways/eu-1/', address: 'http://gw1:9091/' },
    { name: 'us-1', base: '-/gateways/us-1/' },
  ];
  it('reads several gateways', () => {
    expect(parseConfig({ gateways: two }).gateways).toEqual(two);
  });
  it('leaves one gateway, or a malformed list, as no list (screens look as with one gateway)', () => {
    expect(parseConfig({ gateways: [two[0]] }).gateways).toBeUndefined();
    expect(parseConfig({ gateways: [...two, { name: 'bad name', base: 'x/' }] }).gateways).toBeUndefined();
    expect(parseConfig({ gateways: [two[0], { name: 'x', base: 'no-slash' }] }).gateways).toBeUndefined();
    expect(parseConfig({ gateways: 'eu-1' }).gateways).toBeUndefined();
  });
});
