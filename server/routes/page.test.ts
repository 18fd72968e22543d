import { describe, expect, it } from 'vitest';
import { decodeConfig, DEFAULT_CONFIG } from '../../core/wire/config.ts';
import { appConfig } from './page.ts';

const gateway = (name: string, url: string) => ({ name, url: new URL(url) });

describe('appConfig', () => {
  it('writes what the flags set, the gateway’s address without credentials, and the stream', () => {
    const config = appConfig([gateway('default', 'http://u:s3cret@gw:9091/')], {
      readOnly: true,
      staleThreshold: '5m',
    });
    expect(JSON.stringify(config)).toBe(
      '{"readOnly":true,"staleThreshold":"5m","gatewayBase":"./","gatewayAddress":"http://gw:9091/","events":"-/pushboard/events"}',
    );
    expect(decodeConfig(JSON.parse(JSON.stringify(config)))).toEqual({
      ...DEFAULT_CONFIG,
      readOnly: true,
      staleThreshold: '5m',
      gatewayBase: './',
      gatewayAddress: 'http://gw:9091/',
    });
  });

  it('lists several gateways, each by its proxied base, and then no one address', () => {
    const config = appConfig([gateway('eu-1', 'http://u:p@gw1:9091/'), gateway('us-1', 'http://gw2:9091')], {
      readOnly: false,
      pollIntervalMs: 2000,
    });
    expect(decodeConfig(JSON.parse(JSON.stringify(config)))).toEqual({
      ...DEFAULT_CONFIG,
      pollIntervalMs: 2000,
      gatewayBase: './',
      gateways: [
        { name: 'eu-1', base: '-/gateways/eu-1/', address: 'http://gw1:9091/' },
        { name: 'us-1', base: '-/gateways/us-1/', address: 'http://gw2:9091/' },
      ],
    });
    expect(config).not.toHaveProperty('gatewayAddress');
  });
});
