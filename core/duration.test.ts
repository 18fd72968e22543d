import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';

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
