import { describe, expect, it } from 'vitest';
import { parseGroup } from '../../../core/metrics';
import { isStale, staleGroups } from './staleness';

const pushedAt = (seconds: number, job = 'j') =>
  parseGroup(
    {
      labels: { job },
      last_push_successful: seconds > 0,
      push_time_seconds: { time_stamp: '', type: 'GAUGE', metrics: [{ labels: { job }, value: String(seconds) }] },
    },
    0,
  );

describe('isStale', () => {
  const now = 1_800_000_000_000;
  it('is stale only when the last successful push is older than the threshold', () => {
    expect(isStale(pushedAt(now / 1000 - 3601), 3600, now)).toBe(true);
    expect(isStale(pushedAt(now / 1000 - 3599), 3600, now)).toBe(false);
    expect(isStale(pushedAt(now / 1000 + 30), 3600, now)).toBe(false);
  });
  it('counts a group that never pushed successfully as stale', () => {
    expect(isStale(pushedAt(0), 3600, now)).toBe(true);
  });
  it('filters a list', () => {
    const groups = [pushedAt(now / 1000 - 10, 'fresh'), pushedAt(now / 1000 - 100, 'old'), pushedAt(0, 'never')];
    expect(staleGroups(groups, 60, now).map((g) => g.job)).toEqual(['old', 'never']);
  });
});

describe('staleGroups with thresholds of their own', () => {
  it('a group whose expectation sets stale_after is judged by it, the rest by the page’s threshold', () => {
    const now = 1_800_000_000_000;
    const weekly = pushedAt(now / 1000 - 4 * 86_400, 'weekly');
    const hourly = pushedAt(now / 1000 - 2 * 3600, 'hourly');
    const overrides = new Map([[weekly.key, 8 * 86_400]]);
    expect(staleGroups([weekly, hourly], 3600, now, overrides).map((g) => g.job)).toEqual(['hourly']);
    expect(staleGroups([weekly, hourly], 3600, now).map((g) => g.job)).toEqual(['weekly', 'hourly']);
  });
});
