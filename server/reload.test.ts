import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from './config';
import { ConfigReloads, reloadProblem } from './reload';

const RULE = 'prune:\n  rules:\n    - name: old\n      match: "{}"\n      older_than: 1h\n';
const GATEWAYS = 'gateways:\n  - name: eu\n    url: http://eu:9091\n  - name: us\n    url: http://us:9091\n';
const read = (text: string, gatewayNames?: string[]) => parseConfig(text, 'pushboard.yml', { gatewayNames });

describe('reloadProblem', () => {
  it('lets the rules change, and a file say explicitly that none should run', () => {
    expect(reloadProblem(read(RULE), read(RULE.replace('1h', '2h')))).toBeUndefined();
    expect(reloadProblem(read(RULE), read('prune: {rules: []}\n'))).toBeUndefined();
    expect(reloadProblem(read(GATEWAYS + RULE), read(GATEWAYS))).toMatch(/holds no prune rules/);
    // Nothing in force: an empty file loses nothing.
    expect(reloadProblem(read(''), read(''))).toBeUndefined();
  });

  it.each([
    ['', 'it holds no prune rules, while 1 is in force: if there should be none, say so with prune: {rules: []}'],
    ['# being written\n', 'it holds no prune rules, while 1 is in force'],
    ['prune:\n  interval: 1m\n', 'it holds no prune rules, while 1 is in force'],
  ])('refuses %j, which leaves the rules out while some run', (text, reason) => {
    expect(reloadProblem(read(RULE), read(text))).toContain(reason);
  });

  it('treats expectations as it treats the rules', () => {
    const EXPECT = 'expect:\n  - match: \'{job="nightly"}\'\n    every: 1d\n';
    expect(reloadProblem(read(RULE + EXPECT), read(RULE))).toBe(
      'it holds no expectations, while 1 is in force: if there should be none, say so with expect: []',
    );
    expect(reloadProblem(read(RULE + EXPECT), read(`${RULE}expect: []\n`))).toBeUndefined();
    expect(reloadProblem(read(EXPECT), read(EXPECT.replace('1d', '2d')))).toBeUndefined();
  });

  it('refuses any change to the gateways: added, removed, renamed, moved', () => {
    const started = read(GATEWAYS + RULE);
    expect(reloadProblem(read(RULE), read(`gateways:\n  - name: us\n    url: http://us:9091\n${RULE}`))).toBe(
      'it adds a gateways: section, which the server did not start with: a reload may change rules and expectations, never the set of gateways (restart the server to change them)',
    );
    expect(reloadProblem(started, read(RULE, ['eu', 'us']))).toMatch(/^it removes the gateways: section/);
    expect(reloadProblem(started, read(GATEWAYS.replace('name: us', 'name: asia') + RULE))).toMatch(
      /^its gateways: adds asia and removes us: a reload may change rules and expectations, never the set of gateways/,
    );
    expect(reloadProblem(started, read(GATEWAYS.replace('http://us:9091', 'http://us2:9091') + RULE))).toMatch(
      /^it changes a gateway of the gateways: section/,
    );
    expect(reloadProblem(started, read(GATEWAYS + RULE.replace('1h', '5m')))).toBeUndefined();
  });
});

describe('ConfigReloads', () => {
  const setup = (start: Config) => {
    const registry = new Registry();
    const applied: Config[] = [];
    const reloads = new ConfigReloads(start, { registry, apply: (c) => applied.push(c), now: () => 1000 });
    const metric = async () => (await registry.metrics()).split('\n').filter((l) => l.startsWith('pushboard_config'));
    return { reloads, applied, metric };
  };

  it('applies a good file, refuses a bad one keeping the one in force, and counts both', async () => {
    const { reloads, applied, metric } = setup(read(RULE));
    expect(await metric()).toEqual([
      'pushboard_config_reloads_total{outcome="success"} 0',
      'pushboard_config_reloads_total{outcome="refused"} 0',
      'pushboard_config_last_reload_successful 1',
    ]);
    expect(reloads.reload(() => read(RULE.replace('1h', '2h')))).toEqual({
      at: 1000,
      outcome: 'success',
      reason: null,
    });
    expect(applied).toHaveLength(1);
    const refused = reloads.reload(() => read(''));
    expect(refused).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('holds no prune rules') });
    expect(reloads.reload(() => read('prune:\n  interval: soon\n'))).toMatchObject({
      outcome: 'refused',
      reason: 'pushboard.yml:2: prune.interval: "soon" is not a duration (e.g. 30s, 5m, 2h30m, 7d)',
    });
    expect(applied).toHaveLength(1);
    expect(reloads.last?.outcome).toBe('refused');
    expect(await metric()).toEqual([
      'pushboard_config_reloads_total{outcome="success"} 1',
      'pushboard_config_reloads_total{outcome="refused"} 2',
      'pushboard_config_last_reload_successful 0',
    ]);
    // The rule in force after the refusals is still the one of the last good file: an empty file
    // compared with it is still refused.
    expect(reloads.reload(() => read('')).outcome).toBe('refused');
  });
});
