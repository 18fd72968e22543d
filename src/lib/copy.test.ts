import { describe, expect, it } from 'vitest';
import { shellQuote } from './copy';

describe('shellQuote', () => {
  it('wraps a word in single quotes, so $, spaces, ! and backslashes stay literal', () => {
    expect(shellQuote('http://gw:9091/metrics/job@base64/YQ')).toBe(`'http://gw:9091/metrics/job@base64/YQ'`);
    expect(shellQuote('a b $HOME !x \\n')).toBe(`'a b $HOME !x \\n'`);
  });
  it('closes, escapes and reopens around a single quote', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
