import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSetting, writeSetting } from './storage';

afterEach(() => vi.unstubAllGlobals());

const blocked = () => {
  const error = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return { getItem: error, setItem: error, removeItem: error } as unknown as Storage;
};

describe('settings storage', () => {
  it('reads and writes localStorage when it works', () => {
    const data = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => data.set(k, v),
      removeItem: (k: string) => data.delete(k),
    });
    expect(writeSetting('a', '1')).toBe(true);
    expect(data.get('a')).toBe('1');
    expect(readSetting('a')).toBe('1');
    expect(writeSetting('a', null)).toBe(true);
    expect(readSetting('a')).toBeNull();
  });

  it('never throws where storage is blocked, and keeps settings for the page', () => {
    vi.stubGlobal('localStorage', blocked());
    expect(readSetting('theme')).toBeNull();
    expect(writeSetting('theme', 'dark')).toBe(false);
    expect(readSetting('theme')).toBe('dark');
  });

  it('never throws where merely touching localStorage throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(readSetting('x')).toBeNull();
      expect(writeSetting('x', '1')).toBe(false);
      expect(readSetting('x')).toBe('1');
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
