import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

const error = (text: string) => {
  try {
    parseConfig(text, 'pushboard.yml');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('parseConfig', () => {
  it('reads the prune section with its defaults', () => {
    const config = parseConfig(
      `prune:
  rules:
    - name: ci-branches
      match: '{job=~"ci_.*", branch!="main"}'   # the filter box's syntax
      older_than: 24h
    - name: failing-reports
      match: '{job="report"}'
      failing_for: 6h
      older_than: 7d
`,
      'pushboard.yml',
    );
    expect(config.prune?.intervalMs).toBe(60_000);
    expect(config.prune?.maxDeletesPerRun).toBe(100);
    expect(config.prune?.rules.map(({ matchers, ...r }) => ({ ...r, matchers: matchers.length }))).toEqual([
      { name: 'ci-branches', match: '{job=~"ci_.*", branch!="main"}', matchers: 2, olderThan: 86_400 },
      { name: 'failing-reports', match: '{job="report"}', matchers: 1, failingFor: 21_600, olderThan: 604_800 },
    ]);
  });

  it('takes the interval and the cap', () => {
    const config = parseConfig('prune:\n  interval: 2h30m\n  max_deletes_per_run: 5\n  rules: []\n', 'f');
    expect(config.prune).toEqual({ intervalMs: 9_000_000, maxDeletesPerRun: 5, rules: [] });
  });

  it('an empty file, or one without prune, configures nothing', () => {
    expect(parseConfig('', 'f')).toEqual({});
    expect(parseConfig('# nothing yet\n', 'f')).toEqual({});
  });

  it.each([
    ['prnue:\n  rules: []\n', 'pushboard.yml:1: configuration: unknown key "prnue" (known: prune)'],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{}"\n      olderthan: 1h\n',
      'pushboard.yml:5: prune.rules[0]: unknown key "olderthan" (known: name, match, older_than, failing_for)',
    ],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{}"\n',
      'pushboard.yml:3: prune.rules[0]: rule "a" needs a condition: older_than, failing_for or both',
    ],
    [
      'prune:\n  rules:\n    - name: a\n      older_than: 1h\n',
      `pushboard.yml:3: prune.rules[0]: rule "a" needs a match (use '{}' for every group)`,
    ],
    ['prune:\n  rules:\n    - match: "{}"\n      older_than: 1h\n', 'pushboard.yml:3: prune.rules[0]: needs a name'],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{}"\n      older_than: 1h\n    - name: a\n      match: "{}"\n      older_than: 2h\n',
      'pushboard.yml:6: prune.rules[1].name: "a" is used by another rule',
    ],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{job=ci}"\n      older_than: 1h\n',
      'pushboard.yml:4: prune.rules[0].match: the value for job needs quotes: job="ci"',
    ],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{}"\n      older_than: 1 day\n',
      'pushboard.yml:5: prune.rules[0].older_than: "1 day" is not a duration (e.g. 30s, 5m, 2h30m, 7d)',
    ],
    [
      'prune:\n  max_deletes_per_run: 0\n',
      'pushboard.yml:2: prune.max_deletes_per_run: must be a whole number ≥ 1, not 0',
    ],
    ['prune:\n  rules: {}\n', 'pushboard.yml:2: prune.rules: must be a list'],
    ['prune:\n  interval: 1m\n  interval: 2m\n', 'pushboard.yml:3: Map keys must be unique'],
    ['prune: [\n', 'pushboard.yml:2: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('refuses %j with one line naming the file and line', (text, message) => {
    expect(error(text)).toBe(message);
  });
});
