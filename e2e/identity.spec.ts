/**
 * Issue 26, cases 2, 6 and 9, as a careless colleague would meet them: real `dist/server/cli.js`
 * processes given gateway names that clash or read as paths, and URLs with a password in every
 * form a URL can take, in every flag and configuration key that takes one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { push } from '../scripts/push.js';
import { expect, test } from './fixtures';
import { TestApp, TestGateway } from './harness';
import { send } from './raw-http';
import { builtCli } from '../scripts/built-server.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-identity-'));
let files = 0;
/** A pushboard.yml holding `text`. */
const config = (text: string) => {
  const file = path.join(dir, `pushboard-${files++}.yml`);
  writeFileSync(file, text);
  return file;
};

/** `dist/server/cli.js ARGS` run to its end: exit status and everything it printed. */
const run = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [builtCli(), ...args], {
      env: { ...process.env, PUSHGATEWAY_URL: '', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });

/** Runs each in turn, a few at a time (each is a Node process starting up). */
async function runAll<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 4) results.push(...(await Promise.all(items.slice(i, i + 4).map(fn))));
  return results;
}

const GW = 'http://127.0.0.1:1/';

test.describe('one identity per gateway', () => {
  test('names that differ only in case, or read as paths, refuse start-up naming both', async () => {
    // Eight Node processes starting up, four at a time, on a machine that may be busy.
    test.setTimeout(90_000);
    const cases: Array<[string[], string]> = [
      [
        ['--gateway', `EU=${GW}`, '--gateway', 'eu=http://127.0.0.1:2/'],
        'pushboard: --gateway EU=… and --gateway eu=… name the same gateway (names are one without regard to case): rename one\n',
      ],
      [
        ['--gateway', `.=${GW}`],
        'pushboard: the gateway name in --gateway .=…: "." cannot name a gateway: it reads as a path\n',
      ],
      [
        ['--gateway', `..=${GW}`],
        'pushboard: the gateway name in --gateway ..=…: ".." cannot name a gateway: it reads as a path\n',
      ],
      [
        ['--gateway', `a/b=${GW}`],
        'pushboard: the gateway name in --gateway a/b=…: "a/b" may hold only letters, digits, "_", "." and "-"\n',
      ],
      [
        ['--config', config(`gateways:\n  - name: EU\n    url: ${GW}\n  - name: eu\n    url: http://127.0.0.1:2/\n`)],
        'gateways[1].name: "eu" and gateways[0].name "EU" name the same gateway (names are one without regard to case): rename one\n',
      ],
      [
        ['--config', config(`gateways:\n  - name: ".."\n    url: ${GW}\n`)],
        'gateways[0].name: ".." cannot name a gateway: it reads as a path\n',
      ],
      [
        [
          'prune',
          '--gateway',
          `EU=${GW}`,
          '--gateway',
          'eu=http://127.0.0.1:2/',
          '--match',
          '{}',
          '--older-than',
          '1h',
        ],
        'pushboard prune: --gateway EU=… and --gateway eu=… name the same gateway',
      ],
      [
        ['prune', '--gateway', `.=${GW}`, '--match', '{}', '--older-than', '1h'],
        '"." cannot name a gateway: it reads as a path\n',
      ],
    ];
    const results = await runAll(cases, ([args]) => run(args));
    results.forEach((result, i) => {
      const [args, message] = cases[i]!;
      expect(result.output, args.join(' ')).toContain(message);
      expect(result.code, args.join(' ')).toBe(args[0] === 'prune' ? 2 : 1);
      expect(result.output).not.toContain('Pushboard on');
    });
  });

  test('a path naming a gateway in another case reaches none, and deletes nothing', async ({ gatewayBuild }) => {
    const [eu, us] = await Promise.all([
      TestGateway.start({ build: gatewayBuild }),
      TestGateway.start({ build: gatewayBuild }),
    ]);
    const app = await TestApp.start(eu.url, {
      gateways: [
        { name: 'eu', url: new URL(eu.url) },
        { name: 'us', url: new URL(us.url) },
      ],
    });
    try {
      expect((await push(eu.url, { job: 'kept' }, 'm 1\n')).status).toBe(200);
      const port = Number(new URL(app.url).port);
      for (const target of ['/-/gateways/EU/metrics/job/kept', '/-/gateways/Eu/metrics/job/kept']) {
        expect((await send(port, 'DELETE', target)).status, target).toBe(404);
      }
      expect((await eu.groups()).map((g) => g.labels.job)).toEqual(['kept']);
      expect((await send(port, 'DELETE', '/-/gateways/eu/metrics/job/kept')).status).toBe(202);
    } finally {
      await app.stop();
      await Promise.all([eu.dispose(), us.dispose()]);
    }
  });
});

test('a password in any form of URL, in any flag or key that takes one, is never echoed', async () => {
  test.setTimeout(180_000);
  const forms = [
    'http://alice:s3cret@127.0.0.1:1/',
    'http:/alice:s3cret@127.0.0.1:1/',
    'http:\\\\alice:s3cret@127.0.0.1:1/',
    'http:alice:s3cret@127.0.0.1:1/',
    'http%3A%2F%2Falice%3As3cret%40127.0.0.1%3A1%2F',
    'HTTPS://alice:s3cret@127.0.0.1:1/?x',
    'ftp://alice:s3cret@127.0.0.1:1/',
  ];
  /** Each start-up path a URL goes through: how to give it, and the exit status it ends with. */
  const ways: Array<[string, (url: string) => [string[], Record<string, string>?], number]> = [
    ['--gateway', (url) => [['--gateway', url]], 1],
    ['--gateway NAME=', (url) => [['--gateway', `eu=${url}`]], 1],
    ['PUSHGATEWAY_URL', (url) => [[], { PUSHGATEWAY_URL: url }], 1],
    ['--prometheus', (url) => [['--gateway', GW, '--prometheus', url]], 1],
    ['--prometheus-external-url', (url) => [['--gateway', GW, '--prometheus-external-url', url]], 1],
    ['gateways[].url', (url) => [['--config', config(`gateways:\n  - name: a\n    url: '${url}'\n`)]], 1],
    ['prune --gateway', (url) => [['prune', '--gateway', url, '--match', '{}', '--older-than', '1h']], 2],
    ['prune PUSHGATEWAY_URL', (url) => [['prune', '--match', '{}', '--older-than', '1h'], { PUSHGATEWAY_URL: url }], 2],
    [
      'prune gateways[].url',
      (url) => [['prune', '--config', config(`gateways:\n  - name: a\n    url: '${url}'\n`)]],
      2,
    ],
  ];
  const runs = ways.flatMap(([way, give, code]) => forms.map((url) => ({ way, url, code, given: give(url) })));
  const results = await runAll(runs, ({ given: [args, env] }) => run(args, env));
  results.forEach((result, i) => {
    const { way, url, code } = runs[i]!;
    expect(result.output, `${way} ${url}`).toMatch(/URL "[^"]*"/);
    expect(result.output, `${way} ${url}`).not.toMatch(/s3cret|czNjcmV0/i);
    expect(result.code, `${way} ${url}: ${result.output}`).toBe(code);
  });
});
