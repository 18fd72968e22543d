import { describe, expect, it } from 'vitest';
import { isLate, usualInterval, type RhythmView } from './rhythm';

const T0 = 1_760_000_000;
const every = (start: number, step: number, count: number) => Array.from({ length: count }, (_, i) => start + i * step);

describe('usualInterval', () => {
  it('a steady job: its interval, jitter and all', () => {
    const times = every(T0, 300, 20).map((t, i) => t + (i % 3) * 2);
    expect(usualInterval(times)).toBeCloseTo(300, -1);
  });

  it('needs three pushes, and ignores repeats and order', () => {
    expect(usualInterval([T0, T0 + 60])).toBeUndefined();
    expect(usualInterval([T0 + 120, T0, T0 + 60, T0 + 60])).toBe(60);
  });

  it('bursts among a 5-minute rhythm do not define it', () => {
    const times = [...every(T0, 300, 30), ...every(T0 + 9000 + 1, 0.25, 12), ...every(T0 + 9300, 300, 8)];
    expect(usualInterval(times)).toBe(300);
  });

  it('as many burst gaps as rhythm gaps: merged into the gap after them, not averaged in', () => {
    // 10 gaps of 300 s and 10 of 0.25 s: a plain median is 150 s, half the real interval.
    const times = [...every(T0, 300, 11), ...every(T0 + 3000 + 1, 0.25, 10)];
    expect(usualInterval(times)).toBe(300);
  });

  it('a weekly job from three pushes', () => {
    expect(usualInterval(every(T0, 7 * 86_400, 3))).toBe(7 * 86_400);
  });
});

describe('isLate', () => {
  const rhythm: RhythmView = {
    source: 'learned',
    intervalSeconds: 2,
    describe: 'usually every 2s',
    basis: T0,
    nextDue: T0 + 2,
    lateAt: T0 + 5,
  };

  it('a job that stopped is late once factor × interval + grace has passed, not before', () => {
    expect(isLate(T0, rhythm, T0 + 4)).toBe(false);
    expect(isLate(T0, rhythm, T0 + 6)).toBe(true);
    expect(isLate(T0, rhythm, T0 + 86_400)).toBe(true);
  });

  it('a push newer than the one the server judged from is on time', () => {
    expect(isLate(T0 + 3, rhythm, T0 + 6)).toBe(false);
  });

  it('says nothing without a rhythm or a successful push', () => {
    expect(isLate(T0, undefined, T0)).toBeUndefined();
    expect(isLate(0, rhythm, T0)).toBeUndefined();
  });
});
