// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sameItems, sameMembers, useSteady } from './useSteady';

describe('useSteady', () => {
  it('keeps the first object while a new one holds the same, and takes one that differs', () => {
    const first = new Set(['a', 'b']);
    const { result, rerender } = renderHook(({ value }) => useSteady(value, sameMembers), {
      initialProps: { value: first as ReadonlySet<string> | null },
    });
    rerender({ value: new Set(['b', 'a']) });
    expect(result.current).toBe(first);
    const changed = new Set(['a']);
    rerender({ value: changed });
    expect(result.current).toBe(changed);
    rerender({ value: null });
    expect(result.current).toBeNull();
  });
});

describe('sameItems and sameMembers', () => {
  const a = { key: 'a' };
  const b = { key: 'b' };
  it('compares lists item by item, by identity and order', () => {
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a], [{ key: 'a' }])).toBe(false);
    expect(sameItems([a], [a, b])).toBe(false);
  });
  it('compares sets by members, and absent only with absent', () => {
    expect(sameMembers(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(sameMembers(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(sameMembers(new Set<number>(), null)).toBe(false);
    expect(sameMembers(null, null)).toBe(true);
  });
});
