import { beforeAll, describe, expect, it } from 'vitest';
import { formatMatchers, loadRegexEngine, parseSelector } from './matchers';
import { parseGroup } from './metrics';
import type { Group } from './metrics-types';
import { dueAt, firstDue, formatSpan, type PruneRule } from './prune';

// Regex matchers are RE2's, loaded as the browser loads the engine.
beforeAll(() => loadRegexEngine());

const family = (value: number) => ({ time_stamp: 't', type: 'GAUGE', metrics: [{ labels: {}, value: String(value) }] });
function group(labels: Record<string, string>, pushTime: number, failureTime = 0): Group {
  return parseGroup(
    {
      labels,
      last_push_successful: !(failureTime > pushTime),
      ...(pushTime ? { push_time_seconds: family(pushTime) } : {}),
      ...(failureTime ? { push_failure_time_seconds: family(failureTime) } : {}),
    },
    0,
  );
}
function rule(match: string, conditions: { olderThan?: number; failingFor?: number }): PruneRule {
  const parsed = parseSelector(match);
  if (!parsed.ok) throw new Error(parsed.error);
  return { name: 'r', match, matchers: parsed.matchers, ...conditions };
}

describe('parseSelector', () => {
  it('takes matchers only, with or without braces, and writes them back canonically', () => {
    const parsed = parseSelector('{job=~"ci_.*", branch!="main"}');
    expect(parsed.ok && formatMatchers(parsed.matchers)).toBe('{job=~"ci_.*", branch!="main"}');
    const bare = parseSelector('job="a\\"b"');
    expect(bare.ok && formatMatchers(bare.matchers)).toBe('{job="a\\"b"}');
    const all = parseSelector('{}');
    expect(all.ok && all.matchers).toEqual([]);
  });

  it('refuses free words and broken matchers with the reason', () => {
    expect(parseSelector('{job="a"} backup')).toEqual({
      ok: false,
      error: '"backup" is not a label matcher (write name="value")',
    });
    expect(parseSelector('{job=a}')).toEqual({ ok: false, error: 'the value for job needs quotes: job="a"' });
  });
});

describe('dueAt', () => {
  it('older_than counts from the last push of any kind', () => {
    const r = rule('{job=~"ci_.*"}', { olderThan: 100 });
    expect(dueAt(group({ job: 'ci_a' }, 1000), r)).toBe(1100);
    expect(dueAt(group({ job: 'ci_a' }, 1000, 1500), r)).toBe(1600);
    expect(dueAt(group({ job: 'other' }, 1000), r)).toBeNull();
  });

  it('a missing label is the empty string, as in PromQL', () => {
    const r = rule('{job="ci", branch!="main"}', { olderThan: 10 });
    expect(dueAt(group({ job: 'ci' }, 1000), r)).toBe(1010);
    expect(dueAt(group({ job: 'ci', branch: 'main' }, 1000), r)).toBeNull();
  });

  it('failing_for needs a failed last push, and counts from the last success', () => {
    const r = rule('{}', { failingFor: 60 });
    expect(dueAt(group({ job: 'a' }, 1000), r)).toBeNull();
    expect(dueAt(group({ job: 'a' }, 1000, 1200), r)).toBe(1060);
    // Never succeeded: from the last failure, the only time known.
    expect(dueAt(group({ job: 'a' }, 0, 1200), r)).toBe(1260);
  });

  it('with both conditions, is due when both hold', () => {
    const r = rule('{}', { olderThan: 1000, failingFor: 60 });
    expect(dueAt(group({ job: 'a' }, 1000, 1200), r)).toBe(2200);
    expect(dueAt(group({ job: 'a' }, 1000), r)).toBeNull();
  });

  it('never prunes a group whose push times are unknown or that is malformed', () => {
    expect(dueAt(group({ job: 'a' }, 0), rule('{}', { olderThan: 1 }))).toBeNull();
    const broken = { ...group({ job: 'a' }, 1000), problem: 'a family named "labels"' };
    expect(dueAt(broken, rule('{}', { olderThan: 1 }))).toBeNull();
  });
});

describe('firstDue', () => {
  it('names the rule that deletes the group soonest', () => {
    const slow = { ...rule('{}', { olderThan: 500 }), name: 'slow' };
    const fast = { ...rule('{job="a"}', { olderThan: 50 }), name: 'fast' };
    expect(firstDue(group({ job: 'a' }, 1000), [slow, fast])).toEqual({ rule: 'fast', at: 1050 });
    expect(firstDue(group({ job: 'b' }, 1000), [slow, fast])).toEqual({ rule: 'slow', at: 1500 });
    expect(firstDue(group({ job: 'b' }, 0), [slow, fast])).toBeNull();
  });
});

describe('formatSpan', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [60, '1m'],
    [3600 * 3 + 600, '3h 10m'],
    [3600 * 26, '1d 2h'],
    [86_400 + 59, '1d'],
    [86_400 * 9 + 7200 + 60, '9d 2h'],
    [3600 + 30, '1h'],
  ])('%d s is %s', (seconds, text) => expect(formatSpan(seconds)).toBe(text));
});

describe('dueAt with gateways', () => {
  const old = { ...group({ job: 'a' }, 100), key: '@gateway="eu-1" {job="a"}', gateway: 'eu-1' };
  const only = (gateways: string[]) => ({ ...rule('{job="a"}', { olderThan: 10 }), gateways });

  it('applies a rule naming gateways only to groups on them', () => {
    expect(dueAt(old, only(['eu-1', 'eu-2']))).toBe(110);
    expect(dueAt(old, only(['eu-2']))).toBeNull();
    expect(dueAt(old, rule('{job="a"}', { olderThan: 10 }))).toBe(110);
  });

  it('applies it to the groups of the only gateway, which carry no name', () => {
    expect(dueAt(group({ job: 'a' }, 100), only(['solo']))).toBe(110);
  });
});
