import { describe, expect, it } from 'vitest';
import { base64url, groupPath } from './group-path.js';

/** Decodes a path back into labels, as the gateway does. */
function decode(path: string): Record<string, string> {
  const parts = path.split('/');
  expect(parts[0]).toBe('metrics');
  const labels: Record<string, string> = {};
  for (let i = 1; i < parts.length; i += 2) {
    const [name, suffix] = parts[i]!.split('@');
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

  it.each([['bad-name'], ['1x'], ['__reserved'], ['']])('refuses the label name %j', (name) => {
    expect(() => groupPath({ job: 'j', [name]: 'v' })).toThrow('is not a valid grouping label name');
  });

  it('refuses a missing or empty job', () => {
    expect(() => groupPath({ instance: 'x' })).toThrow('non-empty job');
    expect(() => groupPath({ job: '' })).toThrow('non-empty job');
  });
});
