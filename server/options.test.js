// @ts-check
import { describe, expect, it } from 'vitest';
import { parseGatewayUrl, parseListen } from './options.js';

describe('parseGatewayUrl', () => {
  it.each([
    ['http://localhost:9091', 'http://localhost:9091/'],
    ['http://localhost:9091/', 'http://localhost:9091/'],
    ['https://gw.example.com', 'https://gw.example.com/'],
    ['http://h/pgw', 'http://h/pgw/'],
    ['http://h/pgw/', 'http://h/pgw/'],
    ['http://h/a/b', 'http://h/a/b/'],
    ['HTTP://H:80/x', 'http://h/x/'],
    ['http://[::1]:9091', 'http://[::1]:9091/'],
    ['http://user:secret@h:9091/p', 'http://user:secret@h:9091/p/'],
  ])('%s → %s', (value, href) => {
    expect(parseGatewayUrl(value).href).toBe(href);
  });

  it('lets relative API paths resolve under the route prefix', () => {
    expect(new URL('api/v1/metrics', parseGatewayUrl('http://h/pgw')).href).toBe('http://h/pgw/api/v1/metrics');
  });

  it.each(['junk', '', 'http://', '//h:9091', '/pgw'])('rejects %j as not a URL', (value) => {
    expect(() => parseGatewayUrl(value)).toThrow(
      `the gateway URL "${value}" is not a valid URL (expected e.g. http://localhost:9091)`,
    );
  });

  it.each(['ftp://h/', 'file:///tmp/x', 'ws://h:9091', 'localhost:9091', 'javascript:alert(1)'])(
    'rejects %j, which is not http(s)',
    (value) => {
      expect(() => parseGatewayUrl(value)).toThrow(`the gateway URL "${value}" must start with http:// or https://`);
    },
  );

  it.each(['http://h/?a=1', 'http://h:9091/pgw?x', 'http://h/#top', 'http://h/?', 'http://h/pgw#'])(
    'rejects %j, which has a query or fragment',
    (value) => {
      expect(() => parseGatewayUrl(value)).toThrow(`the gateway URL "${value}" must not have a query or fragment`);
    },
  );
});

describe('parseListen', () => {
  it.each([
    ['localhost:8080', 'localhost', 8080],
    ['0.0.0.0:80', '0.0.0.0', 80],
    ['127.0.0.1:65535', '127.0.0.1', 65535],
    ['[::1]:9000', '::1', 9000],
    ['[::]:9000', '::', 9000],
    [':8080', '0.0.0.0', 8080],
    ['my-host.example:1', 'my-host.example', 1],
  ])('%s → %s port %d', (value, host, port) => {
    expect(parseListen(value)).toEqual({ host, port });
  });

  it.each(['8080', 'host:99999', 'host:65536', 'host:', 'host:80x', 'host:-1', '::1:9000', '[::1]', 'a:b:1', '', ':'])(
    'rejects %j',
    (value) => {
      expect(() => parseListen(value)).toThrow(`the listen address "${value}" is not HOST:PORT (e.g. localhost:8080)`);
    },
  );
});
