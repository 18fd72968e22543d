import { describe, expect, it } from 'vitest';
import { decodeConfig, DEFAULT_CONFIG, encodeConfig, type AppConfig, type ConfigMessage } from './config';

const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const one: AppConfig = {
  readOnly: true,
  staleThreshold: '5m',
  pollIntervalMs: 10_000,
  gatewayBase: './',
  gatewayAddress: 'http://gw:9091/',
};
const two = [
  { name: 'eu-1', base: '-/gateways/eu-1/', address: 'http://gw1:9091/' },
  { name: 'us-1', base: '-/gateways/us-1/' },
];
const several: AppConfig = {
  readOnly: false,
  staleThreshold: '2h',
  pollIntervalMs: 5000,
  gatewayBase: './',
  gateways: two,
};

describe('the configuration', () => {
  it('comes back as it was sent, with one gateway or several', () => {
    expect(decodeConfig(roundTrip(encodeConfig(one)))).toEqual(one);
    expect(decodeConfig(roundTrip(encodeConfig(several)))).toEqual(several);
    expect(encodeConfig(decodeConfig(roundTrip(encodeConfig(several))))).toEqual(several);
  });

  it('leaves out what the server does not set, and the page has its defaults for it', () => {
    const sent: ConfigMessage = { readOnly: true, staleThreshold: undefined, pollIntervalMs: undefined };
    expect(roundTrip(encodeConfig(sent))).toEqual({ readOnly: true });
    expect(decodeConfig(roundTrip(encodeConfig(sent)))).toEqual({ ...DEFAULT_CONFIG, readOnly: true });
    expect(decodeConfig(roundTrip(encodeConfig({})))).toEqual(DEFAULT_CONFIG);
  });

  it('writes the fields in one order, the stream’s address last, and a page ignores it', () => {
    const message = encodeConfig({ events: '-/pushboard/events', gatewayBase: './', readOnly: false });
    expect(JSON.stringify(message)).toBe('{"readOnly":false,"gatewayBase":"./","events":"-/pushboard/events"}');
    expect(decodeConfig(roundTrip(message))).toEqual({ ...DEFAULT_CONFIG, gatewayBase: './' });
  });

  it('is the defaults when it is not an object', () => {
    for (const json of [null, undefined, 'config', 3, [one]]) expect(decodeConfig(json)).toEqual(DEFAULT_CONFIG);
  });

  it('falls back to the defaults for values of the wrong type, and ignores unknown ones', () => {
    expect(
      decodeConfig({
        readOnly: 'yes',
        staleThreshold: 5,
        pollIntervalMs: '10000',
        gatewayBase: 42,
        gatewayAddress: true,
        gateways: { eu: two[0] },
        other: 1,
      }),
    ).toEqual(DEFAULT_CONFIG);
  });

  it('refuses a refresh interval under a second, and an empty gateway base', () => {
    expect(decodeConfig({ pollIntervalMs: 999, gatewayBase: '' })).toEqual(DEFAULT_CONFIG);
    expect(decodeConfig({ pollIntervalMs: 1000 }).pollIntervalMs).toBe(1000);
  });

  it('drops an address that does not parse', () => {
    expect(decodeConfig({ ...one, gatewayAddress: 'not a url' })).toEqual({ ...one, gatewayAddress: undefined });
    expect('gatewayAddress' in decodeConfig({ gatewayAddress: '/relative' })).toBe(false);
    const gateways = decodeConfig({ gateways: [{ ...two[0], address: 'not a url' }, two[1]] }).gateways;
    expect(gateways).toEqual([{ name: 'eu-1', base: '-/gateways/eu-1/' }, two[1]]);
    expect(gateways?.[0]).not.toHaveProperty('address');
  });

  it('drops a gateways list with fewer than two valid gateways (screens then look as with one)', () => {
    expect(decodeConfig({ gateways: [] }).gateways).toBeUndefined();
    expect(decodeConfig({ gateways: [two[0]] }).gateways).toBeUndefined();
    expect(decodeConfig({ gateways: [two[0], null] }).gateways).toBeUndefined();
    expect(decodeConfig({ gateways: [...two, { name: 'bad name', base: 'x/' }] }).gateways).toBeUndefined();
    expect(decodeConfig({ gateways: [two[0], { name: 'x', base: 'no-slash' }] }).gateways).toBeUndefined();
    expect(decodeConfig({ gateways: [two[0], { name: 'x' }] }).gateways).toBeUndefined();
    expect(decodeConfig({ gateways: 'eu-1' }).gateways).toBeUndefined();
    expect('gateways' in decodeConfig({ ...several, gateways: [two[0]] })).toBe(false);
  });
});
