/** `pushboard prune`: one run of prune rules for cron, against a real gateway. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatSelector } from '../core/selector';
import { expect, test } from './fixtures';
import type { TestGateway } from './harness';
import { builtCli } from '../scripts/built-server.js';

const held = async (gateway: TestGateway) => (await gateway.groups()).map((g) => formatSelector(g.labels)).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.describe('pushboard prune, once, for cron', () => {
  /** The command's exit status and what it printed. */
  const prune = (args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [builtCli(), 'prune', ...args]);
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => resolve({ code, out, err }));
    });

  test('deletes what is due, line by line with a summary, and exits 0', async ({ gateway, pushGroup }) => {
    await pushGroup({ job: 'ci_a', branch: 'x/y' }, 'm 1\n');
    await pushGroup({ job: 'ci_main', branch: 'main' }, 'm 1\n');
    await sleep(1500);
    const run = await prune([
      '--gateway',
      gateway.url,
      '--match',
      '{job=~"ci_.*", branch!="main"}',
      '--older-than',
      '1s',
    ]);
    expect(run.out).toMatch(
      /^deleted \{job="ci_a", branch="x\/y"\} \(rule command-line, last push \ds ago\)\nprune: 1 deleted, 0 kept \(pushed again\), 0 failed\n$/,
    );
    expect(run.code).toBe(0);
    await expect.poll(() => held(gateway)).toEqual(['{job="ci_main", branch="main"}']);
  });

  test('a dry run from a config file says what it would delete, deletes nothing, and exits 0', async ({
    gateway,
    pushGroup,
  }) => {
    await pushGroup({ job: 'old' }, 'm 1\n');
    await sleep(1500);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pushboard-config-')), 'pushboard.yml');
    writeFileSync(file, 'prune:\n  rules:\n    - name: all-old\n      match: "{}"\n      older_than: 1s\n');
    const run = await prune(['--gateway', gateway.url, '--config', file, '--dry-run']);
    expect(run.out).toMatch(/^would delete \{job="old"\} \(rule all-old, last push \ds ago\)\n/);
    expect(run.out).toContain('prune: 1 would be deleted (dry run), 0 kept (pushed again), 0 failed');
    expect(run.code).toBe(0);
    expect(await held(gateway)).toEqual(['{job="old"}']);
  });

  test('exits 1 when a rule is over its limit (deleting nothing) or the gateway cannot be read', async ({
    gateway,
    pushGroup,
  }) => {
    await pushGroup({ job: 'a' }, 'm 1\n');
    await pushGroup({ job: 'b' }, 'm 1\n');
    await sleep(1500);
    const over = await prune(['--gateway', gateway.url, '--match', '{}', '--older-than', '1s', '--max-deletes', '1']);
    expect(over.err).toContain(
      'prune: rule=command-line match={} matches 2 groups, over its limit of 1 (max_deletes_per_run): deleted none',
    );
    expect(over.code).toBe(1);
    expect(await held(gateway)).toEqual(['{job="a"}', '{job="b"}']);
    await gateway.stop();
    const down = await prune(['--gateway', gateway.url, '--match', '{}', '--older-than', '1s']);
    expect(down.err).toContain(
      'prune: run skipped: cannot read the gateway: Pushboard could not reach the Pushgateway',
    );
    expect(down.code).toBe(1);
  });

  test('exits 2 on bad usage or configuration, with the reason', async ({ gateway }) => {
    const noCondition = await prune(['--gateway', gateway.url, '--match', '{job="a"}']);
    expect(noCondition.err).toBe('pushboard prune: --match needs a condition: --older-than, --failing-for or both\n');
    expect(noCondition.code).toBe(2);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pushboard-config-')), 'pushboard.yml');
    writeFileSync(file, 'prune:\n  rules:\n    - name: x\n      match: "{job=x}"\n      older_than: 1h\n');
    const badFile = await prune(['--gateway', gateway.url, '--config', file]);
    expect(badFile.err).toBe(
      `pushboard prune: ${file}:4: prune.rules[0].match: the value for job needs quotes: job="x"\n`,
    );
    expect(badFile.code).toBe(2);
    const secret = await prune([
      '--gateway',
      'http://user:hunter2@127.0.0.1:1/',
      '--match',
      '{}',
      '--older-than',
      '1h',
    ]);
    expect(secret.code).toBe(2);
    expect(secret.err).not.toContain('hunter2');
  });
});
