import type { Labels } from '../../core/metrics-types';

/**
 * A "+" joining a word to a word or number, in a value without a space: how Python's
 * prometheus_client and Go's client_golang send a space in a grouping-key value (query-style
 * escaping in a path, which the gateway does not undo), so `instance="db 1"` arrives as
 * `instance="db+1"`. Numbers (`1e+10`) and runs of pluses (`c++`) are left alone.
 */
const PLUS_FOR_SPACE = /\p{L}\+[\p{L}\p{N}]|[\p{L}\p{N}]\+\p{L}/u;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The grouping labels whose values look like a space sent as "+", job first, then by name. */
export function plusForSpace(labels: Labels): string[] {
  return Object.keys(labels)
    .filter((name) => {
      const value = labels[name] ?? '';
      return !/\s/.test(value) && !NUMBER.test(value) && PLUS_FOR_SPACE.test(value);
    })
    .sort((a, b) => (a === 'job' ? -1 : b === 'job' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}
