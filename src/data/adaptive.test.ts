import { describe, expect, it } from 'vitest';
import {
  formatWait,
  FRESH_MEMORY,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  pace,
  parseRetryAfter,
  remember,
  type PaceMemory,
  type PollOutcome,
} from './adaptive';

const NOW = Date.parse('2026-11-25T20:00:00Z');
const after = (...outcomes: PollOutcome[]): PaceMemory => outcomes.reduce(remember, FRESH_MEMORY);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('86400', NOW)).toBe(86_400_000);
  });

  it('reads an HTTP-date relative to now, a past date meaning at once', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 20:00:45 GMT', NOW)).toBe(45_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 19:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is neither', () => {
    for (const value of [undefined, null, '', '  ', '-5', '1.5', '3s', 'soon', '25 Nov 2026 20:00:45']) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeUndefined();
    }
  });
});

describe('pace', () => {
  it('is the chosen interval while the gateway answers quickly', () => {
    expect(pace(5_000, FRESH_MEMORY)).toEqual({ reason: 'chosen', delayMs: 5_000 });
    expect(pace(5_000, after({ at: NOW, fetchMs: 500 }))).toEqual({ reason: 'chosen', delayMs: 5_000 });
  });

  it('is at least 10 × the last fetch: a 0.9 s fetch means 9 s', () => {
    expect(pace(5_000, after({ at: NOW, fetchMs: 900 }))).toEqual({ reason: 'slow', delayMs: 9_000, fetchMs: 900 });
    // The last fetch counts, not the slowest ever.
    expect(pace(5_000, after({ at: NOW, fetchMs: 900 }, { at: NOW, fetchMs: 100 })).reason).toBe('chosen');
    // A chosen interval longer than that stays.
    expect(pace(30_000, after({ at: NOW, fetchMs: 900 })).delayMs).toBe(30_000);
  });

  it('keeps the last measured fetch when a poll got no answer at all', () => {
    expect(pace(2_000, after({ at: NOW, fetchMs: 700 }, { at: NOW })).delayMs).toBe(7_000);
  });

  it('waits as Retry-After asks after a 429 or 503, never less than the usual interval', () => {
    const limited = after({ at: NOW, fetchMs: 5, status: 429, retryAfter: '30' });
    expect(pace(5_000, limited)).toEqual({
      reason: 'retry-after',
      delayMs: 30_000,
      status: 429,
      askedMs: 30_000,
      nextAt: NOW + 30_000,
    });
    const dated = after({ at: NOW, status: 503, retryAfter: 'Wed, 25 Nov 2026 20:01:00 GMT' });
    expect(pace(5_000, dated)).toMatchObject({ reason: 'retry-after', delayMs: 60_000, status: 503 });
    expect(pace(5_000, after({ at: NOW, status: 429, retryAfter: '1' }))).toMatchObject({
      delayMs: 5_000,
      askedMs: 1_000,
    });
  });

  it('caps Retry-After at 10 minutes, and says what was asked', () => {
    expect(pace(5_000, after({ at: NOW, status: 429, retryAfter: '3600' }))).toMatchObject({
      reason: 'retry-after',
      delayMs: MAX_RETRY_AFTER_MS,
      askedMs: 3_600_000,
    });
  });

  it('backs off without Retry-After, doubling from the chosen interval up to 5 minutes', () => {
    const refused = (n: number) => after(...Array.from({ length: n }, () => ({ at: NOW, status: 503 })));
    expect(pace(5_000, refused(1))).toMatchObject({ reason: 'backoff', delayMs: 10_000, refusals: 1 });
    expect(pace(5_000, refused(2)).delayMs).toBe(20_000);
    expect(pace(5_000, refused(3)).delayMs).toBe(40_000);
    expect(pace(5_000, refused(7)).delayMs).toBe(MAX_BACKOFF_MS);
    expect(pace(5_000, refused(500)).delayMs).toBe(MAX_BACKOFF_MS);
    // An unreadable Retry-After is no Retry-After.
    expect(pace(5_000, after({ at: NOW, status: 429, retryAfter: 'later' })).reason).toBe('backoff');
  });

  it('resets on success, and other errors do not back off', () => {
    const refusedTwice = after({ at: NOW, status: 503 }, { at: NOW, status: 503 });
    expect(pace(5_000, remember(refusedTwice, { at: NOW, fetchMs: 10 }))).toEqual({ reason: 'chosen', delayMs: 5_000 });
    expect(pace(5_000, remember(refusedTwice, { at: NOW, status: 500 })).reason).toBe('chosen');
    expect(
      pace(5_000, remember(remember(refusedTwice, { at: NOW, fetchMs: 10 }), { at: NOW, status: 503 })).delayMs,
    ).toBe(10_000);
  });
});

describe('formatWait', () => {
  it('says a wait the way people do', () => {
    expect(formatWait(900)).toBe('0.9 s');
    expect(formatWait(9_000)).toBe('9 s');
    expect(formatWait(2_540)).toBe('2.5 s');
    expect(formatWait(45_200)).toBe('45 s');
    expect(formatWait(300_000)).toBe('5 min');
    expect(formatWait(90_000)).toBe('1 min 30 s');
  });
});
