import { describe, expect, it } from 'vitest';
import { formatDurationShort, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['5m', 300],
    ['1h', 3600],
    ['1d', 86400],
    ['1w', 604800],
    ['2h30m', 9000],
    ['1.5h', 5400],
    ['90', 90],
    [' 1H ', 3600],
    ['3s', 3],
  ])('%j is %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'soon', '0', '0s', '-5m', '5x', 'h', '5 m', '1h junk', 'NaN', '1e3'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDurationShort', () => {
  it.each([
    [45, '45s'],
    [300, '5m'],
    [3600, '1h'],
    [9000, '2h30m'],
    [86400, '1d'],
    [604800, '1w'],
    [90061, '1d1h1m1s'],
  ])('%d s is %s', (seconds, text) => {
    expect(formatDurationShort(seconds)).toBe(text);
    expect(parseDuration(text)).toBe(seconds);
  });
});
