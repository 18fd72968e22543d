import { describe, expect, it } from 'vitest';
import { base64url, escapeLabelName, groupPath } from './group-path.js';

/** Decodes a path back into labels, as the gateway does. */
function decode(path: string): Record<string, string> {
  const parts = path.split('/');
  expect(parts[0]).toBe('metrics');
  const labels: Record<string, string> = {};
  for (let i = 1; i < parts.length; i += 2) {
    const [escaped, suffix] = parts[i]!.split('@');
    const name = unescapeName(escaped!);
    expect(suffix).toBe('base64');
    const value = parts[i + 1]!;
    expect(value).toMatch(/^([A-Za-z0-9_-]+|=)$/);
    labels[name!] =
      value === '='
        ? ''
        : new TextDecoder().decode(
            Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
          );
  }
  return labels;
}

/** The gateway's U__ decoding (prometheus/common UnescapeName): `__` is `_`, `_<hex>_` a code point. */
function unescapeName(name: string): string {
  if (!name.startsWith('U__')) return name;
  expect(name).toMatch(/^U__([a-zA-Z0-9]|__|_[0-9a-f]+_)*$/);
  return name
    .slice(3)
    .replace(/__|_([0-9a-f]+)_/g, (_match, hex: string | undefined) =>
      hex === undefined ? '_' : String.fromCodePoint(parseInt(hex, 16)),
    );
}

const tricky = [
  '/var/lib/etl',
  '',
  'with space',
  '100%',
  'a?b#c',
  'ü日本🙂',
  '"}\nnext',
  '<img src=x onerror=alert(1)>',
  '>>>???', // encodes to characters that differ between base64 and base64url
  'x'.repeat(10_000),
];

describe('base64url', () => {
  it('uses the URL-safe alphabet without padding', () => {
    expect(base64url('>>>???')).toBe('Pj4-Pz8_');
    expect(base64url('a')).toBe('YQ');
    expect(base64url('/var/lib/etl')).toBe('L3Zhci9saWIvZXRs');
  });
  it('writes the empty value as =', () => {
    expect(base64url('')).toBe('=');
  });
});

describe('groupPath', () => {
  it.each(tricky.map((v) => [v.slice(0, 30), v]))('round-trips the value %j', (_name, value) => {
    const labels = { job: 'j', instance: value, other: value };
    const path = groupPath(labels);
    expect(path).not.toMatch(/[+]|\/\/|\/$/);
    expect(decode(path)).toEqual(labels);
  });

  it('puts job first and the other labels in name order', () => {
    expect(groupPath({ zeta: '1', job: 'batch', alpha: '2', instance: 'i' })).toBe(
      'metrics/job@base64/YmF0Y2g/alpha@base64/Mg/instance@base64/aQ/zeta@base64/MQ',
    );
  });

  it('tells {job="a"} and {job="a", instance="x"} apart', () => {
    expect(groupPath({ job: 'a' })).toBe('metrics/job@base64/YQ');
    expect(groupPath({ job: 'a', instance: 'x' })).toBe('metrics/job@base64/YQ/instance@base64/eA');
  });

  it('encodes a job with slashes and non-ASCII', () => {
    expect(decode(groupPath({ job: 'a/b ü' }))).toEqual({ job: 'a/b ü' });
  });

  it.each([['__reserved'], [''], ['lone \ud800 surrogate']])('refuses the label name %j', (name) => {
    expect(() => groupPath({ job: 'j', [name]: 'v' })).toThrow('is not a valid grouping label name');
  });

  it('refuses a missing or empty job', () => {
    expect(() => groupPath({ instance: 'x' })).toThrow('non-empty job');
    expect(() => groupPath({ job: '' })).toThrow('non-empty job');
  });
});

describe('UTF-8 label names (gateways 1.11+ with --push.enable-utf8-names)', () => {
  it('leaves legacy names as they are', () => {
    expect(escapeLabelName('instance')).toBe('instance');
    expect(escapeLabelName('_a_b9')).toBe('_a_b9');
  });

  it.each([
    ['foo.bar', 'U__foo_2e_bar'],
    ['bad-name', 'U__bad_2d_name'],
    ['a_b.c', 'U__a__b_2e_c'],
    ['1x', 'U___31_x'],
    ['x1:y', 'U__x1_3a_y'],
    ['café', 'U__caf_e9_'],
    ['🙂 ok', 'U___1f642__20_ok'],
  ])('writes %j as %j', (name, escaped) => {
    expect(escapeLabelName(name)).toBe(escaped);
    expect(unescapeName(escaped)).toBe(name);
  });

  it.each([['foo.bar'], ['service.name'], ['a/b'], ['é'], ['x y'], ['1'], ['a__b.c'], ['U__x.y']])(
    'round-trips the name %j in a group path',
    (name) => {
      const labels = { job: 'j', [name]: 'v/w', instance: '' };
      expect(decode(groupPath(labels))).toEqual(labels);
    },
  );
});
