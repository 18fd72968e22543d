import { describe, expect, it } from 'vitest';
import {
  countOf,
  formatAge,
  formatBothZones,
  formatDuration,
  formatExactTime,
  formatInZone,
  parseTimestamp,
} from './format';

describe('formatAge', () => {
  const now = Date.UTC(2026, 10, 24, 21, 6, 23);
  const ago = (seconds: number) => formatAge(now - seconds * 1000, now);

  it.each([
    [0, 'just now'],
    [4.4, 'just now'],
    [5, '5 s ago'],
    [42, '42 s ago'],
    [59, '59 s ago'],
    [60, '1 min ago'],
    [3 * 60 + 59, '3 min ago'],
    [3599, '59 min ago'],
    [3600, '1 h ago'],
    [5 * 3600 + 1800, '5 h ago'],
    [86399, '23 h ago'],
    [86400, '1 d ago'],
    [12 * 86400 + 3600, '12 d ago'],
    [800 * 86400, '800 d ago'],
  ])('%d s ago → %s', (seconds, text) => {
    expect(ago(seconds)).toBe(text);
  });

  it('tolerates a few seconds of clock skew, then says "in …"', () => {
    expect(ago(-3)).toBe('just now');
    expect(ago(-4.4)).toBe('just now');
    expect(ago(-5)).toBe('in 5 s');
    expect(ago(-90)).toBe('in 1 min');
    expect(ago(-2 * 86400)).toBe('in 2 d');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [59.9, '59 s'],
    [60, '1 min'],
    [119, '1 min'],
    [3600, '1 h'],
    [7199, '1 h'],
    [86400, '1 d'],
    [365 * 86400, '365 d'],
  ])('%d → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatExactTime', () => {
  it('writes UTC to the second', () => {
    expect(formatExactTime(Date.UTC(2026, 10, 24, 21, 6, 23, 343))).toBe('2026-11-24 21:06:23 UTC');
    expect(formatExactTime(0)).toBe('1970-01-01 00:00:00 UTC');
  });

  it('says unknown for a time that is not finite', () => {
    expect(formatExactTime(NaN)).toBe('unknown');
    expect(formatExactTime(Infinity)).toBe('unknown');
  });
});

describe('formatInZone and formatBothZones', () => {
  const t = Date.UTC(2026, 10, 24, 21, 6, 23, 343);

  it('writes the time in a zone, naming the zone by its offset', () => {
    expect(formatInZone(t, 'Europe/Berlin')).toBe('2026-11-24 22:06:23 GMT+1');
    expect(formatInZone(Date.UTC(2026, 6, 1, 23, 30), 'Europe/Berlin')).toBe('2026-07-02 01:30:00 GMT+2');
    expect(formatInZone(t, 'Asia/Kolkata')).toBe('2026-11-25 02:36:23 GMT+5:30');
    expect(formatInZone(t, 'UTC')).toBe('2026-11-24 21:06:23 UTC');
  });

  it('gives both zones, the chosen one first', () => {
    expect(formatBothZones(t, 'local', 'Europe/Berlin')).toBe(
      '2026-11-24 22:06:23 GMT+1 (Europe/Berlin)\n2026-11-24 21:06:23 UTC',
    );
    expect(formatBothZones(t, 'utc', 'Europe/Berlin')).toBe(
      '2026-11-24 21:06:23 UTC\n2026-11-24 22:06:23 GMT+1 (Europe/Berlin)',
    );
    expect(formatBothZones(t, 'local', 'UTC')).toBe('2026-11-24 21:06:23 UTC');
  });
});

describe('parseTimestamp', () => {
  it('reads RFC 3339 with nanoseconds, in any zone', () => {
    const ms = Date.UTC(2026, 10, 24, 21, 6, 23, 320);
    expect(parseTimestamp('2026-11-24T21:06:23.320248851Z')).toBe(ms);
    expect(parseTimestamp('2026-11-24T22:06:23.320248851+01:00')).toBe(ms);
  });

  it('gives NaN for nothing or junk', () => {
    expect(parseTimestamp('')).toBeNaN();
    expect(parseTimestamp('yesterday')).toBeNaN();
  });
});

describe('countOf', () => {
  it.each([
    [0, '0 families'],
    [1, '1 family'],
    [2, '2 families'],
    [1234, '1,234 families'],
  ])('%d → %s', (n, text) => {
    expect(countOf(n, 'family', 'families')).toBe(text);
  });
});
