import { describe, expect, it } from 'vitest';
import { decodeRules, decodeRuleRun, encodeRules, type RulesAnswer } from './rules';
import { WireShapeError } from './read';

const answer: RulesAnswer = {
  readOnly: false,
  dryRun: true,
  intervalMs: 60_000,
  maxDeletesPerRun: 100,
  nextRun: 1_700_000_060_000,
  gatewayError: null,
  lastRun: { startedAt: 1, finishedAt: 2, outcome: 'over_limit', error: null },
  rules: [
    {
      name: 'ci',
      match: '{job="ci"}',
      olderThan: 86_400,
      failingFor: null,
      lateFor: null,
      gateways: null,
      dueNow: 3,
      dueWithinDay: 1,
      lastRun: { rule: 'ci', matching: 9, deleted: 0, kept: 0, failed: 0, overLimit: { matching: 9, limit: 5 } },
    },
    {
      name: 'eu',
      match: '{instance="a"}',
      olderThan: null,
      failingFor: 3600,
      lateFor: 3,
      gateways: ['eu-1'],
      dueNow: 0,
      dueWithinDay: 0,
      lastRun: null,
    },
  ],
  reload: { at: 5, outcome: 'refused', reason: 'prune.rules[0]: no match' },
};

describe('the rules answer', () => {
  it('comes back as it was sent', () => {
    expect(encodeRules(decodeRules(JSON.parse(JSON.stringify(answer))))).toEqual(answer);
    const bare = { ...answer, lastRun: null, reload: null, rules: [], nextRun: null };
    expect(encodeRules(decodeRules(JSON.parse(JSON.stringify(bare))))).toEqual(bare);
  });

  it('reads a rule’s last run field by field, not as whatever came', () => {
    expect(decodeRuleRun({ rule: 'x', matching: 1, deleted: '1', kept: 0, failed: 0 })).toBeNull();
    expect(decodeRuleRun({ rule: 'x', matching: 1, deleted: 1, kept: 0, failed: 0, overLimit: 'yes' })).toEqual({
      rule: 'x',
      matching: 1,
      deleted: 1,
      kept: 0,
      failed: 0,
    });
  });

  it('refuses an answer that is not an object', () => {
    expect(() => decodeRules([answer])).toThrow(WireShapeError);
  });
});
