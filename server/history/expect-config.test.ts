import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';

const error = (text: string) => {
  try {
    parseConfig(text, 'pushboard.yml');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('the expect: section', () => {
  it('reads every, cron with its time zone, grace and stale_after', () => {
    const config = parseConfig(
      `expect:
  - match: '{job="weekly-report"}'
    every: 7d
    stale_after: 8d
  - match: '{job="nightly"}'
    cron: '0 3 * * *'
    timezone: Europe/Berlin
    grace: 1h
  - match: '{job=~"ci_.*"}'
    stale_after: 2d
`,
      'pushboard.yml',
    );
    expect(config.expect?.map(({ matchers, ...e }) => ({ ...e, matchers: matchers.length }))).toEqual([
      { match: '{job="weekly-report"}', matchers: 1, every: 604_800, staleAfter: 691_200 },
      { match: '{job="nightly"}', matchers: 1, cron: '0 3 * * *', timezone: 'Europe/Berlin', grace: 3600 },
      { match: '{job=~"ci_.*"}', matchers: 1, staleAfter: 172_800 },
    ]);
  });

  it('names the file, the line and what is wrong', () => {
    expect(error('expect:\n  - match: "{}"\n    every: 7d\n    cron: "0 3 * * *"\n')).toBe(
      'pushboard.yml:2: expect[0]: give every or cron, not both',
    );
    expect(error('expect:\n  - match: "{}"\n    grace: 1h\n')).toBe(
      'pushboard.yml:2: expect[0]: needs every, cron or stale_after',
    );
    expect(error('expect:\n  - match: "{}"\n    cron: "0 25 * * *"\n')).toMatch(
      /^pushboard\.yml:3: expect\[0\]\.cron: "0 25 \* \* \*": /,
    );
    expect(error('expect:\n  - match: "{}"\n    cron: "0 3 * * *"\n    timezone: Mars/Olympus\n')).toMatch(
      /^pushboard\.yml:4: expect\[0\]\.timezone: "Mars\/Olympus" is not a time zone/,
    );
    expect(error('expect:\n  - match: "{}"\n    every: weekly\n')).toBe(
      'pushboard.yml:3: expect[0].every: "weekly" is not a duration (e.g. 30s, 5m, 2h30m, 7d)',
    );
    expect(error("expect:\n  - match: '{job=}'\n    every: 1d\n")).toMatch(/^pushboard\.yml:2: expect\[0\]\.match: /);
    expect(error('expect:\n  - every: 1d\n')).toBe(
      "pushboard.yml:2: expect[0]: needs a match (use '{}' for every group)",
    );
    expect(error('expect:\n  - match: "{}"\n    every: 1d\n    often: yes\n')).toMatch(
      /^pushboard\.yml:4: expect\[0\]: unknown key "often"/,
    );
  });

  it('a prune rule may say late_for instead of older_than', () => {
    const config = parseConfig(
      'prune:\n  rules:\n    - name: gone\n      match: \'{job="x"}\'\n      late_for: 3\n',
      'pushboard.yml',
    );
    expect(config.prune?.rules[0]).toMatchObject({ name: 'gone', lateFor: 3 });
    expect(error('prune:\n  rules:\n    - name: gone\n      match: "{}"\n      late_for: 0.5\n')).toBe(
      'pushboard.yml:5: prune.rules[0].late_for: must be a number ≥ 1 (times the usual interval), not 0.5',
    );
  });
});
