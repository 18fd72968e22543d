import { describe, expect, it } from 'vitest';
import { parseConfig, type ParseOptions } from './config';

const error = (text: string, options?: ParseOptions) => {
  try {
    parseConfig(text, 'pushboard.yml', options);
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
    expect(config.prune).toEqual({ intervalMs: 9_000_000, maxDeletesPerRun: 5, rules: [], rulesGiven: true });
  });

  it('tells a file that lists no rules from one that leaves them out', () => {
    expect(parseConfig('prune: {rules: []}\n', 'f').prune?.rulesGiven).toBe(true);
    expect(parseConfig('prune:\n  interval: 1m\n', 'f').prune?.rulesGiven).toBe(false);
    expect(parseConfig('prune:\n  rules:\n', 'f').prune?.rulesGiven).toBe(false);
  });

  it('an empty file, or one without prune, configures nothing', () => {
    expect(parseConfig('', 'f')).toEqual({});
    expect(parseConfig('# nothing yet\n', 'f')).toEqual({});
  });

  it.each([
    ['prnue:\n  rules: []\n', 'pushboard.yml:1: configuration: unknown key "prnue" (known: prune, gateways, expect)'],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{}"\n      olderthan: 1h\n',
      'pushboard.yml:5: prune.rules[0]: unknown key "olderthan" (known: name, match, older_than, failing_for, late_for, gateways)',
    ],
    [
      'prune:\n  rules:\n    - name: a\n      match: "{}"\n',
      'pushboard.yml:3: prune.rules[0]: rule "a" needs a condition: older_than, late_for, failing_for or more',
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

const GATEWAYS = `gateways:
  - name: eu-1
    url: http://eu1.internal:9091
  - name: eu-2
    url: https://eu2.internal/pgw
    basic_auth_file: secrets/eu2.auth
    ca_file: /etc/ssl/eu2-ca.pem
    insecure_skip_verify: false
  - name: lab.test_3
    url: https://lab:9091/
    insecure_skip_verify: true
`;

describe('the gateways section', () => {
  it('reads every gateway, in order, with files named relative to the configuration file', () => {
    const config = parseConfig(GATEWAYS, '/etc/pushboard/pushboard.yml');
    expect(config.prune).toBeUndefined();
    expect(config.gateways?.map((g) => ({ ...g, url: g.url.href }))).toEqual([
      { name: 'eu-1', url: 'http://eu1.internal:9091/', credentials: {} },
      {
        name: 'eu-2',
        url: 'https://eu2.internal/pgw/',
        credentials: { basicAuthFile: '/etc/pushboard/secrets/eu2.auth', caFile: '/etc/ssl/eu2-ca.pem' },
      },
      { name: 'lab.test_3', url: 'https://lab:9091/', credentials: { insecureSkipVerify: true } },
    ]);
  });

  it('lets prune rules name the gateways they apply to', () => {
    const config = parseConfig(
      `${GATEWAYS}prune:
  rules:
    - name: eu
      match: '{}'
      older_than: 1d
      gateways: [eu-1, eu-2]
    - name: all
      match: '{}'
      older_than: 7d
`,
      'pushboard.yml',
    );
    expect(config.prune?.rules.map((r) => [r.name, r.gateways])).toEqual([
      ['eu', ['eu-1', 'eu-2']],
      ['all', undefined],
    ]);
    expect(config.gateways).toHaveLength(3);
  });

  it('without the section, rules may name the gateways the flags gave, or the one "default"', () => {
    const rules = 'prune:\n  rules:\n    - name: a\n      match: "{}"\n      older_than: 1h\n      gateways: [eu-1]\n';
    const config = parseConfig(rules, 'f', { gatewayNames: ['eu-1', 'eu-2'] });
    expect(config.prune?.rules[0]?.gateways).toEqual(['eu-1']);
    expect(config.gateways).toBeUndefined();
    expect(error(rules)).toBe(
      'pushboard.yml:6: prune.rules[0].gateways[0]: no gateway is named "eu-1" (known: default)',
    );
    expect(parseConfig(rules.replace('eu-1', 'default'), 'f').prune?.rules[0]?.gateways).toEqual(['default']);
  });

  it.each([
    ['gateways: []\n', 'pushboard.yml:1: gateways: lists no gateway'],
    ['gateways:\n  url: http://a\n', 'pushboard.yml:2: configuration.gateways: must be a list'],
    ['gateways:\n  - url: http://a\n', 'pushboard.yml:2: gateways[0]: needs a name'],
    ['gateways:\n  - name: a\n', 'pushboard.yml:2: gateways[0]: gateway "a" needs a url'],
    [
      'gateways:\n  - name: a\n    url: http://a\n    basic-auth-file: f\n',
      'pushboard.yml:4: gateways[0]: unknown key "basic-auth-file" (known: name, url, basic_auth_file, ca_file, insecure_skip_verify)',
    ],
    [
      'gateways:\n  - name: eu 1\n    url: http://a\n',
      'pushboard.yml:2: gateways[0].name: "eu 1" may hold only letters, digits, "_", "." and "-"',
    ],
    [
      'gateways:\n  - name: a\n    url: http://a\n  - name: a\n    url: http://b\n',
      'pushboard.yml:4: gateways[1].name: "a" names another gateway (gateways[0].name "a")',
    ],
    [
      'gateways:\n  - name: EU\n    url: http://a\n  - name: eu\n    url: http://b\n',
      'pushboard.yml:4: gateways[1].name: "eu" and gateways[0].name "EU" name the same gateway (names are one without regard to case): rename one',
    ],
    [
      'gateways:\n  - name: "."\n    url: http://a\n',
      'pushboard.yml:2: gateways[0].name: "." cannot name a gateway: it reads as a path',
    ],
    [
      'gateways:\n  - name: ".."\n    url: http://a\n',
      'pushboard.yml:2: gateways[0].name: ".." cannot name a gateway: it reads as a path',
    ],
    [
      'gateways:\n  - name: a/b\n    url: http://a\n',
      'pushboard.yml:2: gateways[0].name: "a/b" may hold only letters, digits, "_", "." and "-"',
    ],
    [
      'gateways:\n  - name: a\n    url: http:\\\\alice:s3cret@h/\n',
      'pushboard.yml:3: gateways[0].url: the gateway URL "http:\\\\…@h/" must not hold credentials: put "user:password" in a file and name it in basic_auth_file',
    ],
    [
      'prune:\n  interval: http://alice:s3cret@h/\n',
      'pushboard.yml:2: prune.interval: "http://…@h/" is not a duration (e.g. 30s, 5m, 2h30m, 7d)',
    ],
    [
      'gateways:\n  - name: a\n    url: http://h:9091\n  - name: b\n    url: http://h:9091/\n',
      'pushboard.yml:5: gateways[1].url: http://h:9091/ is gateway "a" already',
    ],
    [
      'gateways:\n  - name: a\n    url: gw:9091\n',
      'pushboard.yml:3: gateways[0].url: the gateway URL "gw:9091" must start with http:// or https://',
    ],
    [
      'gateways:\n  - name: a\n    url: http://h/?x=1\n',
      'pushboard.yml:3: gateways[0].url: the gateway URL "http://h/?x=1" must not have a query or fragment',
    ],
    [
      'gateways:\n  - name: a\n    url: http://alice:s3cret@h/\n',
      'pushboard.yml:3: gateways[0].url: the gateway URL "http://…@h/" must not hold credentials: put "user:password" in a file and name it in basic_auth_file',
    ],
    [
      'gateways:\n  - name: a\n    url: http://a\n    insecure_skip_verify: yes please\n',
      'pushboard.yml:4: gateways[0].insecure_skip_verify: must be true or false, not yes please',
    ],
    [
      'gateways:\n  - name: a\n    url: http://a\n    ca_file: [x]\n',
      'pushboard.yml:4: gateways[0].ca_file: must be a string',
    ],
    [
      `${GATEWAYS}prune:\n  rules:\n    - name: r\n      match: "{}"\n      older_than: 1h\n      gateways:\n        - eu-1\n        - eu-3\n`,
      'pushboard.yml:19: prune.rules[0].gateways[1]: no gateway is named "eu-3" (known: eu-1, eu-2, lab.test_3)',
    ],
    [
      `${GATEWAYS}prune:\n  rules:\n    - name: r\n      match: "{}"\n      older_than: 1h\n      gateways: [EU-1]\n`,
      'pushboard.yml:17: prune.rules[0].gateways[0]: no gateway is named "EU-1" (known: eu-1, eu-2, lab.test_3); did you mean "eu-1"?',
    ],
    [
      `${GATEWAYS}prune:\n  rules:\n    - name: r\n      match: "{}"\n      older_than: 1h\n      gateways: [eu-1, eu-1]\n`,
      'pushboard.yml:17: prune.rules[0].gateways[1]: "eu-1" is listed twice',
    ],
    [
      `${GATEWAYS}prune:\n  rules:\n    - name: r\n      match: "{}"\n      older_than: 1h\n      gateways: []\n`,
      'pushboard.yml:17: prune.rules[0].gateways: names no gateway (leave it out to prune on all)',
    ],
    [
      `${GATEWAYS}prune:\n  rules:\n    - name: r\n      match: "{}"\n      older_than: 1h\n      gateways: eu-1\n`,
      'pushboard.yml:17: prune.rules[0].gateways: must be a list',
    ],
    [
      `${GATEWAYS}prune:\n  rules:\n    - name: r\n      match: "{}"\n      older_than: 1h\n      gateways: [{name: eu-1}]\n`,
      'pushboard.yml:17: prune.rules[0].gateways[0]: must be the name of a gateway',
    ],
  ])('refuses %j with one line naming the file and line', (text, message) => {
    expect(error(text)).toBe(message);
  });
});
