/**
 * Written expectations (`expect:` in pushboard.yml): what to expect of the groups a selector
 * matches, as an interval (`every: 7d`) or a cron schedule (`cron: "0 3 * * *"`, in a time zone),
 * with a grace, and a stale threshold of their own. A written expectation beats a learned rhythm.
 */
import { CronExpressionParser } from 'cron-parser';
import { matchesAll, type Matcher } from '../../core/matchers';
import type { Group } from '../../core/metrics-types';
import { formatSpan } from '../../core/prune';
import type { RhythmView } from '../../core/rhythm';

export interface Expectation {
  /** The selector as written. */
  match: string;
  matchers: Matcher[];
  /** `every: 7d`, seconds. */
  every?: number;
  /** `cron: "0 3 * * *"`. */
  cron?: string;
  /** An IANA time zone for the cron schedule; UTC by default. */
  timezone?: string;
  /** Seconds after the expected push before the group is late; by default (factor − 1) × interval. */
  grace?: number;
  /** A stale threshold (seconds) for these groups, overriding the global one. */
  staleAfter?: number;
}

/** The first expectation that matches the group, as alertmanager's routes and prune rules read. */
export function expectationFor(group: Group, expectations: readonly Expectation[]): Expectation | undefined {
  if (group.problem) return undefined;
  return expectations.find((e) => matchesAll(e.matchers, group.labels));
}

/** Why a time zone cannot be used, or null when it can. */
export function checkTimezone(timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return null;
  } catch {
    return 'is not a time zone (an IANA name such as UTC or Europe/Berlin)';
  }
}

/** Why a cron schedule (five fields) cannot be used, or null when it can. */
export function checkCron(cron: string, timezone: string | undefined): string | null {
  if (cron.trim().split(/\s+/).length !== 5) return 'needs five fields: minute hour day-of-month month day-of-week';
  try {
    CronExpressionParser.parse(cron, { tz: timezone ?? 'UTC', strict: false }).next();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The scheduled times (Unix seconds) just before and just after `at`. */
export function cronAround(cron: string, timezone: string | undefined, at: number): { prev: number; next: number } {
  const options = { tz: timezone ?? 'UTC', currentDate: new Date(at * 1000) };
  const prev = CronExpressionParser.parse(cron, options).prev().getTime() / 1000;
  const next = CronExpressionParser.parse(cron, options).next().getTime() / 1000;
  return { prev, next };
}

const pad = (n: string) => n.padStart(2, '0');
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `daily at 03:00 UTC`, `hourly at :15`, `on Monday at 06:30 Europe/Berlin`, or `on cron "…" (UTC)`. */
export function describeCron(cron: string, timezone: string | undefined): string {
  const zone = timezone ?? 'UTC';
  const [minute = '', hour = '', day = '', month = '', weekday = ''] = cron.trim().split(/\s+/);
  const number = /^\d+$/;
  if (number.test(minute) && day === '*' && month === '*') {
    if (hour === '*' && weekday === '*') return `hourly at :${pad(minute)}`;
    if (number.test(hour) && weekday === '*') return `daily at ${pad(hour)}:${pad(minute)} ${zone}`;
    if (number.test(hour) && /^[0-7]$/.test(weekday)) {
      return `on ${DAYS[Number(weekday)]} at ${pad(hour)}:${pad(minute)} ${zone}`;
    }
  }
  return `on cron "${cron}" (${zone})`;
}

/**
 * The group's rhythm as its expectation writes it, judged from its last successful push
 * (`pushTime`), or undefined when the expectation states no rhythm (only a stale threshold) or
 * the group never pushed successfully.
 *
 * - `every`: the next push is due `every` after the last one, and late `grace` after that.
 * - `cron`: the next push is due at the first scheduled time after the last push plus half a
 *   schedule gap (so a push a little early or late for a run still counts for that run), and
 *   late `grace` after that.
 */
export function writtenRhythm(
  expectation: Expectation,
  pushTime: number,
  factor: number,
): Omit<RhythmView, 'staleAfter'> | undefined {
  if (pushTime <= 0) return undefined;
  if (expectation.every !== undefined) {
    const interval = expectation.every;
    const grace = expectation.grace ?? (factor - 1) * interval;
    return {
      source: 'every',
      intervalSeconds: interval,
      describe: `expected every ${formatSpan(interval)}`,
      basis: pushTime,
      nextDue: pushTime + interval,
      lateAt: pushTime + interval + grace,
    };
  }
  if (expectation.cron !== undefined) {
    const { cron, timezone } = expectation;
    const around = cronAround(cron, timezone, pushTime);
    const gap = around.next - around.prev;
    const due = cronAround(cron, timezone, pushTime + gap / 2).next;
    const interval = cronAround(cron, timezone, due).next - due;
    const grace = expectation.grace ?? (factor - 1) * interval;
    return {
      source: 'cron',
      intervalSeconds: interval,
      describe: `expected ${describeCron(cron, timezone)}`,
      basis: pushTime,
      nextDue: due,
      lateAt: due + grace,
    };
  }
  return undefined;
}
