import { firstDue } from '../../core/prune';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegexEngine, parseQuery, parseSelector } from '../../core/matchers';
import { parseGroup } from '../../core/metrics';
import { rulesRefetchMs } from './api';
import { decodeRules as parseRulesView } from '../../core/wire/rules';
import { pruneNote } from './PruneBadge';
import { pruneRuleFor, pruneRuleYaml } from './rule-yaml';

// Regex matchers are RE2's, loaded as the browser loads the engine.
beforeAll(() => loadRegexEngine());

const matchers = (text: string) => {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.matchers;
};

describe('pruneRuleYaml', () => {
  it('names the rule after the job and quotes every value as YAML single-quoted text', () => {
    expect(pruneRuleYaml(matchers('job="nightly backup", path=~"/var/it\'s.*"'), '6h')).toBe(
      `- name: 'nightly-backup-stale'\n  match: '{job="nightly backup", path=~"/var/it''s.*"}'\n  older_than: '6h'\n`,
    );
  });

  it('keeps escapes and quoted UTF-8 names exactly', () => {
    expect(pruneRuleYaml(matchers('{"foo.bar"="a\\"b\\\\c", job=~"x|y"}'), '1d')).toBe(
      `- name: 'stale-groups'\n  match: '{"foo.bar"="a\\"b\\\\c", job=~"x|y"}'\n  older_than: '1d'\n`,
    );
  });
});

describe('pruneRuleFor', () => {
  const rule = (text: string) => {
    const parsed = parseQuery(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return pruneRuleFor(parsed.query, '1h');
  };

  it('is the label matchers as a rule, as before', () => {
    expect(rule('job="a"')).toBe(`- name: 'a-stale'\n  match: '{job="a"}'\n  older_than: '1h'\n`);
  });

  it('turns @gateway="x" into the rule’s gateways list, never into a label matcher', () => {
    expect(rule('{job="a", @gateway="eu-1"}')).toBe(
      `- name: 'a-stale'\n  match: '{job="a"}'\n  older_than: '1h'\n  gateways: ['eu-1']\n`,
    );
    expect(rule('job="a" @gateway="eu-1" @gateway="eu-1"')).toContain(`gateways: ['eu-1']`);
  });

  it('offers no rule for what a rule cannot say', () => {
    expect(rule('job="a" @gateway=~"eu-.*"')).toBeNull();
    expect(rule('job="a" @gateway!="eu-1"')).toBeNull();
    expect(rule('job="a" @gateway="eu-1" @gateway="eu-2"')).toBeNull();
    expect(rule('@gateway="eu-1"')).toBeNull();
    expect(rule('job="a" words')).toBeNull();
    expect(rule('')).toBeNull();
  });
});

describe('pruneNote', () => {
  const group = parseGroup(
    {
      labels: { job: 'ci_a' },
      last_push_successful: true,
      push_time_seconds: { time_stamp: 't', type: 'GAUGE', metrics: [{ labels: {}, value: '1000' }] },
    },
    0,
  );
  const rules = [{ name: 'ci', match: '{job="ci_a"}', matchers: matchers('{job="ci_a"}'), olderThan: 3 * 3600 }];

  it('tells when a rule will delete the group, and once it is due', () => {
    expect(pruneNote(group, rules, 1000_000)).toEqual({ due: false, text: 'Pruned in 3h by ci' });
    expect(pruneNote(group, rules, (1000 + 3 * 3600) * 1000)).toEqual({ due: true, text: 'Due for pruning by ci' });
    expect(pruneNote(group, [], 1000_000)).toBeNull();
  });

  it('says when a due group is held back by its rule’s cap, and what a dry run would do', () => {
    const held = [
      {
        ...rules[0]!,
        lastRun: { rule: 'ci', matching: 9, deleted: 0, kept: 0, failed: 0, overLimit: { matching: 9, limit: 5 } },
      },
    ];
    expect(pruneNote(group, held, 2000_000_000)?.text).toBe('Due for pruning by ci (held back: over its limit)');
    expect(pruneNote(group, rules, 2000_000_000, true)?.text).toBe('Due for pruning by ci (dry run)');
    expect(pruneNote(group, rules, 1000_000, true)?.text).toBe('Would be pruned in 3h by ci');
  });
});

describe('parseRulesView', () => {
  it("keeps a rule's gateways, so groups on the other gateways are not shown as due by it", () => {
    const view = parseRulesView({
      rules: [{ name: 'eu', match: '{job="a"}', olderThan: 60, gateways: ['eu-1'], dueNow: 1, dueWithinDay: 0 }],
    });
    const rule = view.rules[0]!;
    expect(rule.gateways).toEqual(['eu-1']);
    const old = { key: 'k', labels: { job: 'a' }, pushTime: 1, failureTime: 0, lastPushSuccessful: true };
    expect(firstDue({ ...old, gateway: 'eu-1' } as never, [rule])).not.toBeNull();
    expect(firstDue({ ...old, gateway: 'eu-2' } as never, [rule])).toBeNull();
  });
  it('reads the server’s answer and leaves out what it cannot read', () => {
    const view = parseRulesView({
      readOnly: true,
      dryRun: false,
      intervalMs: 60000,
      maxDeletesPerRun: 100,
      nextRun: 5,
      gatewayError: null,
      lastRun: null,
      rules: [
        { name: 'ok', match: '{job="a"}', olderThan: 60, failingFor: null, dueNow: 2, dueWithinDay: 1, lastRun: null },
        { name: 'broken', match: '{job=a}', olderThan: 60 },
        'nonsense',
      ],
    });
    expect(view.rules.map((r) => [r.name, r.olderThan, r.failingFor, r.dueNow])).toEqual([['ok', 60, undefined, 2]]);
    expect(view.readOnly).toBe(true);
    expect(() => parseRulesView('<html>')).toThrow('a rules answer this page cannot read: the message is a string');
  });
});

describe('rulesRefetchMs', () => {
  const view = (nextRun: number | null) => ({ ...parseRulesView({}), nextRun });
  it('asks again just after a run due within 10 s, so its outcome shows at once', () => {
    expect(rulesRefetchMs(view(1_000_000 + 3_000), 1_000_000)).toBe(3_500);
  });
  it('asks every 10 s when the next run is far off, or unknown', () => {
    expect(rulesRefetchMs(view(1_000_000 + 600_000), 1_000_000)).toBe(10_000);
    expect(rulesRefetchMs(view(null), 1_000_000)).toBe(10_000);
    expect(rulesRefetchMs(undefined, 1_000_000)).toBe(10_000);
  });
  it('never asks more often than every 2 s, even when the run is overdue or the clocks differ', () => {
    expect(rulesRefetchMs(view(1_000_000 - 60_000), 1_000_000)).toBe(2_000);
    expect(rulesRefetchMs(view(1_000_000 + 100), 1_000_000)).toBe(2_000);
  });
});
