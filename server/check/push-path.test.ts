import { describe, expect, it } from 'vitest';
import { decodeBase64, readPushPath, unescapeName } from './push-path';

const legacy = { utf8Names: false };

describe('readPushPath', () => {
  it('reads the job and label pairs, percent-decoded', () => {
    expect(readPushPath('job/a/instance/h%201/zone/eu', legacy)).toEqual({
      ok: true,
      labels: { job: 'a', instance: 'h 1', zone: 'eu' },
    });
  });

  it('decodes @base64 segments in the URL-safe alphabet, padded or not', () => {
    expect(readPushPath('job@base64/L3Zhci9sb2c', legacy)).toEqual({ ok: true, labels: { job: '/var/log' } });
    expect(readPushPath('job/a/path@base64/L3Zhci9sb2c=', legacy)).toEqual({
      ok: true,
      labels: { job: 'a', path: '/var/log' },
    });
    // An empty value is written "=" (nothing left after the padding is trimmed).
    expect(readPushPath('job/a/instance@base64/=', legacy)).toEqual({ ok: true, labels: { job: 'a', instance: '' } });
  });

  it('refuses a bad base64 value in the gateway’s words', () => {
    expect(readPushPath('job@base64/a', legacy)).toEqual({
      ok: false,
      reason: 'invalid base64 encoding in job name "a": illegal base64 data at input byte 0',
      hangs: true,
    });
    expect(readPushPath('job/a/x@base64/ab+c', legacy)).toEqual({
      ok: false,
      reason: 'invalid base64 encoding for label x="ab+c": illegal base64 data at input byte 2',
    });
  });

  it('refuses odd pairs, bad label names and an empty job', () => {
    expect(readPushPath('job/a/zone', legacy)).toEqual({
      ok: false,
      reason: 'odd number of components in label string "/zone"',
    });
    expect(readPushPath('job/a/__x/1', legacy)).toEqual({ ok: false, reason: 'improper label name "__x"' });
    expect(readPushPath('job/a/my.key/1', legacy)).toEqual({ ok: false, reason: 'improper label name "my.key"' });
    expect(readPushPath('job@base64/=', legacy)).toEqual({ ok: false, reason: 'job name is required' });
    expect(readPushPath('instance/a', legacy).ok).toBe(false);
  });

  it('unescapes U__ label names only with --push.enable-utf8-names', () => {
    expect(readPushPath('job/a/U__my_2e_key/v', { utf8Names: true })).toEqual({
      ok: true,
      labels: { job: 'a', 'my.key': 'v' },
    });
    expect(readPushPath('job/a/U__my_2e_key/v', legacy)).toEqual({
      ok: true,
      labels: { job: 'a', U__my_2e_key: 'v' },
    });
  });
});

describe('decodeBase64 and unescapeName', () => {
  it('decode as Go does', () => {
    expect(decodeBase64('aGk')).toEqual({ ok: true, value: 'hi' });
    expect(decodeBase64('aGk==')).toEqual({ ok: true, value: 'hi' });
    expect(decodeBase64('a/b')).toEqual({ ok: false, error: 'illegal base64 data at input byte 1' });
    expect(unescapeName('U__a_2e_b__c')).toBe('a.b_c');
    expect(unescapeName('U__bad_zz_')).toBe('U__bad_zz_');
    expect(unescapeName('plain')).toBe('plain');
  });
});
