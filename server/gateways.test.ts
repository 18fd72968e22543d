import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { resolveGateways, type GatewaySources, type ResolvedGateway } from './gateways';

const show = (gateways: ResolvedGateway[]) => gateways.map((g) => ({ ...g, url: g.url.href }));
const resolve = (sources: GatewaySources) => show(resolveGateways(sources));

const FILE = `gateways:
  - name: eu-1
    url: http://eu1:9091
  - name: eu-2
    url: http://eu2:9091
    basic_auth_file: eu2.auth
`;

describe('resolveGateways', () => {
  it('one --gateway URL is the one gateway "default", with the credential flags, as today', () => {
    const credentials = { basicAuthFile: '/run/auth', caFile: 'ca.pem', insecureSkipVerify: false };
    expect(resolve({ flagValues: ['https://gw/pgw'], flagCredentials: credentials })).toEqual([
      { name: 'default', url: 'https://gw/pgw/', credentials: { basicAuthFile: '/run/auth', caFile: 'ca.pem' } },
    ]);
  });

  it('--gateway wins over PUSHGATEWAY_URL, which is used without it', () => {
    expect(resolve({ flagValues: ['http://flag:9091'], env: 'http://env:9091' })).toEqual([
      { name: 'default', url: 'http://flag:9091/', credentials: {} },
    ]);
    expect(resolve({ env: 'http://env:9091', flagCredentials: { insecureSkipVerify: true } })).toEqual([
      { name: 'default', url: 'http://env:9091/', credentials: { insecureSkipVerify: true } },
    ]);
  });

  it('nothing given (or an empty PUSHGATEWAY_URL) leaves the embedded default to the caller', () => {
    expect(resolve({})).toEqual([]);
    expect(resolve({ env: '', config: parseConfig('', 'f') })).toEqual([]);
  });

  it('named --gateway values give named gateways; a CA file applies to each', () => {
    expect(
      resolve({ flagValues: ['eu-1=http://eu1:9091', 'eu-2=http://eu2:9091'], flagCredentials: { caFile: 'ca' } }),
    ).toEqual([
      { name: 'eu-1', url: 'http://eu1:9091/', credentials: { caFile: 'ca' } },
      { name: 'eu-2', url: 'http://eu2:9091/', credentials: { caFile: 'ca' } },
    ]);
  });

  it('the configuration file’s gateways win over PUSHGATEWAY_URL, each with its own credentials', () => {
    expect(resolve({ config: parseConfig(FILE, '/etc/pushboard.yml'), env: 'http://env:9091' })).toEqual([
      { name: 'eu-1', url: 'http://eu1:9091/', credentials: {} },
      { name: 'eu-2', url: 'http://eu2:9091/', credentials: { basicAuthFile: '/etc/eu2.auth' } },
    ]);
  });

  it('refuses what would be ambiguous, or send a password where it was not meant to go', () => {
    const config = parseConfig(FILE, 'f');
    expect(() => resolveGateways({ config, flagValues: ['http://gw:9091'] })).toThrow(
      'gateways are given both with --gateway and in the configuration file\'s "gateways:"',
    );
    expect(() =>
      resolveGateways({ config, flagCredentials: { basicAuthFile: 'a', insecureSkipVerify: true } }),
    ).toThrow('--gateway-basic-auth-file, --gateway-insecure-skip-verify apply to --gateway only');
    expect(() =>
      resolveGateways({ flagValues: ['a=http://a', 'b=http://b'], flagCredentials: { basicAuthFile: 'auth' } }),
    ).toThrow('--gateway-basic-auth-file cannot go with several --gateway');
    expect(() => resolveGateways({ flagValues: ['http://a', 'b=http://b'] })).toThrow(
      'a --gateway URL without a name cannot go with named ones',
    );
    expect(() => resolveGateways({ env: 'gw:9091' })).toThrow('must start with http:// or https://');
  });

  it('one named gateway keeps its name and the credential flags', () => {
    expect(resolve({ flagValues: ['solo=http://h'], flagCredentials: { basicAuthFile: 'auth' } })).toEqual([
      { name: 'solo', url: 'http://h/', credentials: { basicAuthFile: 'auth' } },
    ]);
  });
});
