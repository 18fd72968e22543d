import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostPolicy, parseAllowedHosts } from './hosts.ts';
import { contentSecurityPolicy, isCrossSite, parseFrameAncestors } from './security.ts';

describe('parseFrameAncestors', () => {
  it.each([
    ["'none'", "'none'"],
    ["'self'", "'self'"],
    ["'self'   https://grafana.example.com", "'self' https://grafana.example.com"],
    ['https:', 'https:'],
    ['https://*.example.com:8443', 'https://*.example.com:8443'],
    ['grafana.internal', 'grafana.internal'],
    ['https://g.example.com/dashboards/', 'https://g.example.com/dashboards/'],
  ])('accepts %j', (value, result) => {
    expect(parseFrameAncestors(value)).toBe(result);
  });

  it.each([
    "'self'; script-src *",
    "'self',https://a.example",
    'https://a.example;',
    "'unsafe-inline'",
    '"self"',
    "'none' 'self'",
    '',
    'javascript:alert(1)//x y',
  ])('refuses %j', (value) => {
    expect(() => parseFrameAncestors(value)).toThrow(/frame-ancestors/);
  });
});

describe('the CSP', () => {
  it('is the same in deploy/nginx.conf as the server sends', () => {
    const conf = readFileSync('deploy/nginx.conf', 'utf8');
    const inConf = [...conf.matchAll(/add_header Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);
    expect(inConf.length).toBeGreaterThan(0);
    for (const csp of inConf) expect(csp).toBe(contentSecurityPolicy("'none'"));
  });
});

describe('allowed hosts', () => {
  it('listening on loopback, answers only to the loopback names', () => {
    const policy = hostPolicy({ listenHost: '127.0.0.1' });
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST', 'localhost.']) {
      expect(policy.allows(host), host).toBe(true);
    }
    for (const host of [
      'evil.example:8080',
      '10.0.0.5:8080',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      '',
      undefined,
    ]) {
      expect(policy.allows(host), String(host)).toBe(false);
    }
  });

  it('listening elsewhere, also answers to IP addresses, and to the names configured', () => {
    const policy = hostPolicy({
      listenHost: '0.0.0.0',
      allowedHosts: parseAllowedHosts('pushboard.example.com,.corp.example'),
    });
    for (const host of ['10.0.0.5:8080', '[fe80::1]:80', 'pushboard.example.com', 'a.corp.example', 'corp.example:1']) {
      expect(policy.allows(host), host).toBe(true);
    }
    for (const host of ['evil.example', 'pushboard.example.com.evil.example', 'xcorp.example', 'a b']) {
      expect(policy.allows(host), host).toBe(false);
    }
  });

  it('"*" answers to any host', () => {
    expect(hostPolicy({ allowedHosts: ['*'] }).allows('anything.example')).toBe(true);
  });

  it.each(['http://a.example', 'a.example:8080', 'a b', ''])('--allowed-hosts refuses %j', (value) => {
    expect(() => parseAllowedHosts(value)).toThrow(/allowed-hosts/);
  });
});

describe('isCrossSite', () => {
  const req = (headers: Record<string, string>) => ({ headers });
  it('believes Sec-Fetch-Site first', () => {
    expect(isCrossSite(req({ 'sec-fetch-site': 'cross-site', host: 'localhost:8080' }))).toBe(true);
    expect(isCrossSite(req({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossSite(req({ 'sec-fetch-site': 'same-origin' }))).toBe(false);
  });

  it('compares Origin with Host, and with X-Forwarded-Host only behind a trusted proxy', () => {
    const headers = {
      origin: 'https://pushboard.example.com',
      host: '127.0.0.1:8080',
      'x-forwarded-host': 'pushboard.example.com',
    };
    expect(isCrossSite(req(headers))).toBe(true);
    expect(isCrossSite(req(headers), true)).toBe(false);
    expect(
      isCrossSite(req({ origin: 'http://localhost:8080', host: 'localhost:8080', 'x-forwarded-host': 'evil.example' })),
    ).toBe(false);
    expect(
      isCrossSite(
        req({ origin: 'http://localhost:8080', host: 'localhost:8080', 'x-forwarded-host': 'evil.example' }),
        true,
      ),
    ).toBe(true);
    expect(isCrossSite(req({ origin: 'null', host: 'localhost:8080' }))).toBe(true);
    expect(isCrossSite(req({ host: 'localhost:8080' }))).toBe(false);
  });
});
