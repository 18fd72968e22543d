import { describe, expect, it } from 'vitest';
import {
  parseFactor,
  parseGatewayFlags,
  parseGatewayUrl,
  parseListen,
  parseServiceUrl,
  parseSize,
  parseCount,
  parseWindow,
} from './options.ts';

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

describe('credentials in the gateway URL', () => {
  it.each(['http://alice:s3cret@h:9091/p', 'https://alice@h/', 'http://:s3cret@h/', 'http://@h/'])(
    'refuses %j and points to the credential file, without repeating the secret',
    (value) => {
      let message = '';
      try {
        parseGatewayUrl(value);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('must not hold credentials');
      expect(message).toContain('--gateway-basic-auth-file');
      expect(message).not.toMatch(/alice|s3cret/);
    },
  );

  it('hides a credential in every other message too', () => {
    expect(() => parseGatewayUrl('ftp://user:secret@h/')).toThrow('the gateway URL "ftp://…@h/" must start with http');
    expect(() => parseGatewayUrl('http://user:secret@h/?x')).toThrow('"http://…@h/?x"');
  });
});

describe('parseSize', () => {
  it.each([
    ['32MB', 32 * 1024 * 1024],
    ['512KiB', 512 * 1024],
    ['1048576', 1048576],
    ['1.5k', 1536],
    ['2 g', 2 * 1024 ** 3],
  ])('%s → %d bytes', (value, bytes) => {
    expect(parseSize(value)).toBe(bytes);
  });

  it.each(['', 'MB', '-1', '0', '12 parsecs', '1e3'])('rejects %j', (value) => {
    expect(() => parseSize(value)).toThrow(`"${value}" is not a size`);
  });
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

describe('parseWindow and parseFactor', () => {
  it('give a PromQL range in seconds, and refuse windows under a minute', () => {
    expect(parseWindow('7d')).toBe('604800s');
    expect(parseWindow('90m')).toBe('5400s');
    expect(() => parseWindow('30s')).toThrow('"30s" is not a window of at least 1m, like 7d');
    expect(() => parseWindow('soon')).toThrow('is not a window');
  });
  it('take a factor above 1', () => {
    expect(parseFactor('2')).toBe(2);
    expect(parseFactor('1.5')).toBe(1.5);
    for (const bad of ['1', '0.5', '-3', 'two', '2x', ''])
      expect(() => parseFactor(bad)).toThrow('is not a factor above 1');
  });
});

describe('parseGatewayFlags', () => {
  const read = (values: string[]) => {
    const { named, gateways } = parseGatewayFlags(values);
    return { named, gateways: gateways.map((g) => `${g.name} ${g.url.href}`) };
  };

  it('none gives no gateway', () => {
    expect(read([])).toEqual({ named: false, gateways: [] });
  });

  it('a bare URL is the one gateway, named "default", as before there were several', () => {
    expect(read(['http://gw:9091/pgw'])).toEqual({ named: false, gateways: ['default http://gw:9091/pgw/'] });
  });

  it('NAME=URL gives named gateways, in the order given', () => {
    expect(read(['eu-1=http://eu1:9091', 'us_east.2=https://us/pgw/'])).toEqual({
      named: true,
      gateways: ['eu-1 http://eu1:9091/', 'us_east.2 https://us/pgw/'],
    });
    expect(read(['solo=http://h:9091'])).toEqual({ named: true, gateways: ['solo http://h:9091/'] });
  });

  it('an "=" inside a URL does not make it named', () => {
    expect(() => read(['http://h/a=b?x=1'])).toThrow('must not have a query or fragment');
    expect(read(['http://h/a=b'])).toEqual({ named: false, gateways: ['default http://h/a=b/'] });
  });

  it.each([
    [['http://a:9091', 'eu=http://b:9091'], 'a --gateway URL without a name cannot go with named ones'],
    [['eu=http://b:9091', 'http://a:9091'], 'a --gateway URL without a name cannot go with named ones'],
    [['http://a:9091', 'http://b:9091'], '--gateway is given several times without names'],
    [['eu=http://a', 'eu=http://b'], '--gateway eu=… is given twice'],
    [['eu 1=http://a'], 'the gateway name in --gateway eu 1=…: "eu 1" may hold only letters'],
    [['=http://a'], 'the gateway name in --gateway =…: "" may hold only letters'],
    [['a/b=http://a'], 'the gateway name in --gateway a/b=…: "a/b" may hold only letters'],
    [['.=http://a'], 'the gateway name in --gateway .=…: "." cannot name a gateway: it reads as a path'],
    [['..=http://a'], 'the gateway name in --gateway ..=…: ".." cannot name a gateway: it reads as a path'],
    [
      ['EU=http://a', 'eu=http://b'],
      '--gateway EU=… and --gateway eu=… name the same gateway (names are one without regard to case): rename one',
    ],
    [['eu=gw:9091'], 'the gateway URL "gw:9091" must start with http:// or https://'],
    [['eu='], 'the gateway URL "" is not a valid URL'],
  ])('refuses %j', (values, message) => {
    expect(() => parseGatewayFlags(values)).toThrow(message);
  });

  it('never repeats a credential of a named gateway', () => {
    expect(() => parseGatewayFlags(['eu=http://alice:s3cret@h/'])).toThrow(
      'the gateway URL "http://…@h/" must not hold credentials: put "user:password" in a file and pass --gateway-basic-auth-file FILE',
    );
  });
});

describe('parseServiceUrl', () => {
  it.each([
    'http:/alice:s3cret@h/',
    'http:\\\\alice:s3cret@h/',
    'http:alice:s3cret@h/',
    'HTTP://alice:s3cret@h/',
    'http%3A%2F%2Falice%3As3cret%40h',
    'alice:s3cret@h:9091',
    'ftp://alice:s3cret@h/',
    'http://alice:s3cret@h/?q',
  ])('never repeats the password of %j, whatever is wrong with it', (value) => {
    let message = '';
    try {
      parseServiceUrl(value, 'prometheus');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^the prometheus URL "/);
    expect(message).not.toContain('s3cret');
  });

  it('tells where credentials go instead, as the caller says', () => {
    expect(() => parseServiceUrl('http://a:b@h/', 'gateway', 'name it in basic_auth_file')).toThrow(
      'must not hold credentials: put "user:password" in a file and name it in basic_auth_file',
    );
  });
});

describe('parseCount', () => {
  it('takes a whole number of at least 1, and refuses anything else with the value', () => {
    expect(parseCount('300')).toBe(300);
    expect(parseCount(' 1 ')).toBe(1);
    for (const bad of ['0', '-1', '1.5', 'many', '']) expect(() => parseCount(bad)).toThrow(`"${bad}"`);
  });
});
