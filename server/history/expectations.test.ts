import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../core/matchers';
import type { Group } from '../../core/metrics-types';
import {
  checkCron,
  checkTimezone,
  describeCron,
  expectationFor,
  writtenRhythm,
  type Expectation,
} from './expectations';

const at = (iso: string) => Date.parse(iso) / 1000;
const matchers = (text: string) => {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.matchers;
};
const expectation = (e: Omit<Expectation, 'matchers'>): Expectation => ({ ...e, matchers: matchers(e.match) });

describe('written expectations', () => {
  it('every: next due one interval after the last push, late after the grace', () => {
    const rhythm = writtenRhythm(
      expectation({ match: '{}', every: 7 * 86_400, grace: 3600 }),
      at('2026-01-05T03:00:00Z'),
      2,
    );
    expect(rhythm).toMatchObject({ source: 'every', describe: 'expected every 7d', intervalSeconds: 604_800 });
    expect(rhythm!.nextDue).toBe(at('2026-01-12T03:00:00Z'));
    expect(rhythm!.lateAt).toBe(at('2026-01-12T04:00:00Z'));
  });

  it('every without a grace: late after the overdue factor × the interval', () => {
    const rhythm = writtenRhythm(expectation({ match: '{}', every: 86_400 }), at('2026-01-05T03:00:00Z'), 2);
    expect(rhythm!.lateAt).toBe(at('2026-01-07T03:00:00Z'));
  });

  it('cron: daily at 03:00 UTC, due at the next run after the last push', () => {
    const e = expectation({ match: '{}', cron: '0 3 * * *', grace: 1800 });
    const rhythm = writtenRhythm(e, at('2026-01-05T03:00:40Z'), 2)!;
    expect(rhythm.describe).toBe('expected daily at 03:00 UTC');
    expect(rhythm.nextDue).toBe(at('2026-01-06T03:00:00Z'));
    expect(rhythm.lateAt).toBe(at('2026-01-06T03:30:00Z'));
    // A push a little before its run counts for that run, not for the one before.
    expect(writtenRhythm(e, at('2026-01-05T02:59:58Z'), 2)!.nextDue).toBe(at('2026-01-06T03:00:00Z'));
  });

  it('cron across the change to summer time in Europe/Berlin: 03:00 local moves from 02:00 to 01:00 UTC', () => {
    const e = expectation({ match: '{}', cron: '0 3 * * *', timezone: 'Europe/Berlin', grace: 3600 });
    // Saturday 28 March 2026, 03:00 CET is 02:00 UTC; Sunday 29 March, 03:00 CEST is 01:00 UTC.
    const rhythm = writtenRhythm(e, at('2026-03-28T02:00:30Z'), 2)!;
    expect(rhythm.nextDue).toBe(at('2026-03-29T01:00:00Z'));
    expect(rhythm.intervalSeconds).toBe(86_400);
    expect(rhythm.lateAt).toBe(at('2026-03-29T02:00:00Z'));
    expect(rhythm.describe).toBe('expected daily at 03:00 Europe/Berlin');
    // And back in October: 03:00 CET on 25 October 2026 is 02:00 UTC, after 01:00 UTC the day before.
    expect(writtenRhythm(e, at('2026-10-24T01:00:10Z'), 2)!.nextDue).toBe(at('2026-10-25T02:00:00Z'));
  });

  it('a stale threshold alone states no rhythm', () => {
    expect(writtenRhythm(expectation({ match: '{}', staleAfter: 60 }), at('2026-01-05T03:00:00Z'), 2)).toBeUndefined();
  });

  it('the first expectation that matches a group applies', () => {
    const list = [expectation({ match: '{job="a"}', every: 60 }), expectation({ match: '{}', every: 3600 })];
    const group = (job: string) => ({ labels: { job }, key: `{job="${job}"}` }) as unknown as Group;
    expect(expectationFor(group('a'), list)?.every).toBe(60);
    expect(expectationFor(group('b'), list)?.every).toBe(3600);
  });

  it('describes common schedules in words and others as written', () => {
    expect(describeCron('15 * * * *', undefined)).toBe('hourly at :15');
    expect(describeCron('30 6 * * 1', 'Europe/Berlin')).toBe('on Monday at 06:30 Europe/Berlin');
    expect(describeCron('*/5 * * * *', undefined)).toBe('on cron "*/5 * * * *" (UTC)');
  });

  it('refuses a schedule or a time zone it cannot use', () => {
    expect(checkCron('0 3 * * *', undefined)).toBeNull();
    expect(checkCron('0 25 * * *', undefined)).not.toBeNull();
    expect(checkTimezone('Mars/Olympus')).toContain('is not a time zone');
    expect(checkTimezone('Europe/Berlin')).toBeNull();
    expect(checkCron('0 0 3 * * *', undefined)).not.toBeNull();
  });
});
