import { describe, expect, it } from 'vitest';
import type { BoundaryRule } from '../../core/metrics-types';
import { formatBucketRange } from './SampleTables';

describe('formatBucketRange', () => {
  it.each([
    [0, '0.125', '0.25', '(0.125, 0.25]'],
    [1, '-0.5', '-0.25', '[-0.5, -0.25)'],
    [2, '0.5', '1', '(0.5, 1)'],
    [3, '-0.001', '0.001', '[-0.001, 0.001]'],
  ] as Array<[BoundaryRule, string, string, string]>)('rule %d: %s..%s → %s', (rule, lower, upper, text) => {
    expect(formatBucketRange({ rule, lower, upper, count: '1' })).toBe(text);
  });

  it('keeps large bounds without grouping commas, which would read as separators', () => {
    expect(formatBucketRange({ rule: 0, lower: '1024', upper: '2048', count: '1' })).toBe('(1024, 2048]');
  });

  it('writes special bounds as Prometheus does', () => {
    expect(formatBucketRange({ rule: 0, lower: '1e-300', upper: '+Inf', count: '1' })).toBe('(1e-300, +Inf]');
    expect(formatBucketRange({ rule: 1, lower: '-Inf', upper: '-1.5e+20', count: '1' })).toBe('[-Inf, -1.5e+20)');
    expect(formatBucketRange({ rule: 3, lower: '0', upper: '0', count: '5' })).toBe('[0, 0]');
  });
});
