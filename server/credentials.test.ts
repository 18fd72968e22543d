import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCredentialFiles } from './proxy.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

describe('checkCredentialFiles', () => {
  it('accepts what exists and is well formed, and nothing at all', () => {
    expect(() => checkCredentialFiles({})).not.toThrow();
    expect(() =>
      checkCredentialFiles({ basicAuthFile: file('auth', 'user:secret\n'), caFile: file('ca.pem', 'PEM') }),
    ).not.toThrow();
  });
  it('names a missing file', () => {
    const missing = path.join(dir, 'nope');
    expect(() => checkCredentialFiles({ caFile: missing })).toThrow(`cannot read ${missing}: no such file`);
    expect(() => checkCredentialFiles({ basicAuthFile: missing })).toThrow(`cannot read ${missing}: no such file`);
  });
  it('refuses a basic-auth file that is not user:password, without repeating what it holds', () => {
    const bad = file('bad', 'only-a-password-s3cret');
    let message = '';
    try {
      checkCredentialFiles({ basicAuthFile: bad });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`${bad} must hold one line "user:password"`);
    expect(message).not.toContain('s3cret');
  });
});
