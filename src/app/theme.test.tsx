// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { writeSetting } from '../lib/storage';
import { STORAGE_KEY } from './apply-theme';
import { useTheme } from './theme';

beforeEach(() => {
  const media = { matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  vi.stubGlobal('matchMedia', () => media);
});

afterEach(() => {
  cleanup();
  writeSetting(STORAGE_KEY, null);
  vi.unstubAllGlobals();
});

describe('useTheme', () => {
  it('tells every user of the theme of a choice made in one of them, and puts it in effect', () => {
    const one = renderHook(() => useTheme());
    const other = renderHook(() => useTheme());
    expect(other.result.current[0]).toBe('system');
    act(() => one.result.current[1]('dark'));
    expect(other.result.current[0]).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => other.result.current[1]('system'));
    expect(one.result.current[0]).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('stops listening once unmounted', () => {
    const removed = vi.spyOn(window, 'removeEventListener');
    renderHook(() => useTheme()).unmount();
    expect(removed).toHaveBeenCalledWith('pushboard:theme', expect.any(Function));
  });
});
