import { describe, expect, it } from 'vitest';
import { maskCredentials, safeExcerpt } from './redact';

describe('maskCredentials', () => {
  it.each([
    ['http://alice:s3cret@h:9091/', 'http://…@h:9091/'],
    ['http:/alice:s3cret@h', 'http:/…@h'],
    ['http:\\\\alice:s3cret@h', 'http:\\\\…@h'],
    ['http:alice:s3cret@h', 'http:…@h'],
    ['http%3A%2F%2Falice%3As3cret%40h', 'http%3A%2F%2F…@h'],
    ['http%253A%252F%252Falice%253As3cret%2540h', 'http%253A%252F%252F…@h'],
    ['HTTPS://alice:s3:c@ret@h/p@x', 'HTTPS://…@h/p@x'],
    ['//alice:s3cret@h', '//…@h'],
    ['alice:s3cret@h:9091', 'alice:…@h:9091'],
    ['the URL "http://alice:s3cret@h" and "https://bob:pw@g"', 'the URL "http://…@h" and "https://…@g"'],
  ])('hides the user information of %j', (text, masked) => {
    expect(maskCredentials(text)).toBe(masked);
  });

  it.each(['see http://h:9091/a@b and x:y', 'error: bad', 'bob@example.com', 'http://h:9091/'])(
    'leaves %j as it is',
    (text) => expect(maskCredentials(text)).toBe(text),
  );
});

describe('safeExcerpt', () => {
  const echo = [
    '<html><head><title>Internal error</title><style>h1{}</style></head><body><h1>500</h1>',
    'GET /api/v1/metrics HTTP/1.1',
    'Host: gw:9091',
    'Authorization: Basic YWxpY2U6czNjcmV0',
    'X-Forwarded-For: 10.0.0.1',
    '{"password": "hunter2", "upstream": "http://alice:s3cret@gw"}</body></html>',
  ].join('\n');

  it('keeps the text of an error page, without markup, headers or credentials', () => {
    const shown = safeExcerpt(echo);
    expect(shown).toBe('Internal error 500 GET /api/v1/metrics HTTP/1.1 {"password": "…", "upstream": "http://…@gw"}');
    expect(shown).not.toMatch(/YWxp|s3cret|hunter2|10\.0\.0\.1|[<>]/);
  });

  it("removes the server's own secrets in every form given, and authentication tokens anywhere", () => {
    expect(safeExcerpt('denied for alice:s3cret (token xyz0123)', 200, ['alice:s3cret'])).toBe(
      'denied for … (token …)',
    );
    expect(safeExcerpt('{"auth":"Bearer abc.def-ghi"}')).toBe('{"auth":"Bearer …"}');
  });

  it("keeps the gateway's own reason, on one line and cut to length", () => {
    const reason =
      'pushed metrics are invalid or inconsistent with existing metrics: collected metric "x" { gauge:<value:1 > }';
    expect(safeExcerpt(`${reason}\n`)).toBe(reason);
    expect(safeExcerpt('x'.repeat(300), 50)).toBe(`${'x'.repeat(50)}…`);
    expect(safeExcerpt('a\u001b[31mred\u0007')).toBe('a [31mred');
  });
});
