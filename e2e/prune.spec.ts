/**
 * Prune rules in the server, against a real gateway: short durations (seconds) instead of clocks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatSelector } from '../core/selector';
import { parseConfig } from '../server/config';
import { expect, test } from './fixtures';
import { runCli, TestApp, type TestGateway } from './harness';

const held = async (gateway: TestGateway) => (await gateway.groups()).map((g) => formatSelector(g.labels)).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server with these rules (pushboard.yml text), and every line it logs. */
async function withRules(
  gatewayUrl: string,
  yaml: string,
  options: { pruneDryRun?: boolean; readOnly?: boolean } = {},
) {
  const lines: string[] = [];
  const app = await TestApp.start(gatewayUrl, {
    prune: parseConfig(yaml, 'pushboard.yml').prune,
    log: (line) => lines.push(line),
    ...options,
  });
  return { app, lines };
}

test('an old matched group is deleted; an unmatched one and a re-pushed matched one are kept', async ({
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'ci_a', branch: 'feature' }, 'm 1\n');
  await pushGroup({ job: 'ci_b', branch: 'feature' }, 'm 1\n');
  await pushGroup({ job: 'ci_c', branch: 'main' }, 'm 1\n');
  await pushGroup({ job: 'other' }, 'm 1\n');
  await sleep(3000);
  await pushGroup({ job: 'ci_b', branch: 'feature' }, 'm 2\n');
  const { app, lines } = await withRules(
    gateway.url,
    `prune:
  interval: 1s
  rules:
    - name: ci-branches
      match: '{job=~"ci_.*", branch!="main"}'
      older_than: 3s
`,
  );
  try {
    // ci_b goes too, three seconds after its new push; until then only ci_a is gone.
    await expect
      .poll(() => held(gateway))
      .toEqual(['{job="ci_b", branch="feature"}', '{job="ci_c", branch="main"}', '{job="other"}']);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^prune: rule=ci-branches match=\{job=~"ci_\.\*", branch!="main"\} selector=\{job="ci_a", branch="feature"\} last_push=\d+s ago result=deleted$/,
      ),
    );
    const metrics = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
    expect(metrics).toMatch(/^pushboard_prune_deleted_groups_total\{rule="ci-branches"\} [1-9]/m);
    expect(metrics).toMatch(/^pushboard_prune_runs_total\{outcome="success"\} [1-9]/m);
    expect(metrics).toMatch(/^pushboard_prune_last_run_timestamp_seconds \d+/m);
  } finally {
    await app.stop();
  }
});

test('failing_for deletes a group whose pushes keep failing and keeps one that recovered @both-gateways', async ({
  gateway,
  pushGroup,
  pushRefused,
}) => {
  await pushGroup({ job: 'anchor' }, '# TYPE m counter\nm 1\n');
  await pushGroup({ job: 'report', instance: 'broken' }, 'ok 1\n');
  await pushRefused({ job: 'report', instance: 'broken' }, '# TYPE m gauge\nm 1\n');
  await pushGroup({ job: 'report', instance: 'healed' }, 'ok 1\n');
  await pushRefused({ job: 'report', instance: 'healed' }, '# TYPE m gauge\nm 1\n');
  await pushGroup({ job: 'report', instance: 'healed' }, 'ok 2\n');
  const { app } = await withRules(
    gateway.url,
    `prune:
  interval: 1s
  rules:
    - name: failing-reports
      match: '{job="report"}'
      failing_for: 2s
`,
  );
  try {
    await expect.poll(() => held(gateway)).toEqual(['{job="anchor"}', '{job="report", instance="healed"}']);
  } finally {
    await app.stop();
  }
});

test('over its limit a rule deletes nothing and says so in the log and the metrics', async ({ gateway, pushGroup }) => {
  for (const i of [1, 2, 3]) await pushGroup({ job: 'batch', instance: `b${i}` }, 'm 1\n');
  await sleep(1500);
  const { app, lines } = await withRules(
    gateway.url,
    `prune:
  interval: 1s
  max_deletes_per_run: 2
  rules:
    - name: typo
      match: '{}'
      older_than: 1s
`,
  );
  try {
    await expect
      .poll(() => lines)
      .toContain('prune: rule=typo match={} matches 3 groups, over its limit of 2 (max_deletes_per_run): deleted none');
    const metrics = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
    expect(metrics).toMatch(/^pushboard_prune_over_limit_total\{rule="typo"\} [1-9]/m);
    expect(metrics).toMatch(/^pushboard_prune_matching_groups\{rule="typo"\} 3$/m);
    expect(metrics).toMatch(/^pushboard_prune_runs_total\{outcome="over_limit"\} [1-9]/m);
    expect(await held(gateway)).toHaveLength(3);
  } finally {
    await app.stop();
  }
});

test('a dry run reports what changed since its last run, and deletes nothing', async ({ gateway, pushGroup }) => {
  await pushGroup({ job: 'old' }, 'm 1\n');
  await sleep(1500);
  const { app, lines } = await withRules(
    gateway.url,
    'prune:\n  interval: 1s\n  rules:\n    - name: all-old\n      match: "{}"\n      older_than: 1s\n',
    { pruneDryRun: true },
  );
  try {
    const summary = 'prune: dry run: 1 group would be deleted; since the last run 0 newly due, 0 no longer due';
    // Several runs: the group is named once, when it became due; each later run says one line.
    await expect.poll(() => lines.filter((l) => l === summary).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l.endsWith('result=would delete'))).toHaveLength(1);
    expect(await held(gateway)).toEqual(['{job="old"}']);
  } finally {
    await app.stop();
  }
});

test('with --read-only the browser changes nothing, but the operator’s rules still run', async ({
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'old' }, 'm 1\n');
  await pushGroup({ job: 'young' }, 'm 1\n');
  const { app } = await withRules(
    gateway.url,
    'prune:\n  interval: 1s\n  rules:\n    - name: old\n      match: \'{job="old"}\'\n      older_than: 1s\n',
    { readOnly: true },
  );
  try {
    const refused = await fetch(new URL('metrics/job/young', app.url), { method: 'DELETE' });
    expect(refused.status).toBe(403);
    await expect.poll(() => held(gateway)).toEqual(['{job="young"}']);
  } finally {
    await app.stop();
  }
});

test('groups with tricky keys are pruned exactly @both-gateways', async ({ gateway, pushGroup }) => {
  const doomed: Array<Record<string, string>> = [
    { job: 'tricky', instance: 'a' },
    { job: 'tricky', path: '/var/tmp' },
    { job: 'tricky', instance: 'x', empty: '' },
    { job: 'tricky', instance: 'ünïcødé' },
  ];
  const kept: Array<Record<string, string>> = [
    { job: 'tricky', instance: 'ab' },
    { job: 'tricky', instance: 'a', more: 'b' },
  ];
  for (const labels of [...doomed, ...kept]) await pushGroup(labels, 'm 1\n');
  const before = await held(gateway);
  await sleep(1500);
  const { app } = await withRules(
    gateway.url,
    `prune:
  interval: 1s
  rules:
    - name: tricky
      match: '{job="tricky", instance!="ab", more=""}'
      older_than: 1s
`,
  );
  try {
    const keptSelectors = before.filter((s) => s.includes('"ab"') || s.includes('more="b"'));
    expect(keptSelectors).toHaveLength(2);
    await expect.poll(() => held(gateway)).toEqual(keptSelectors);
  } finally {
    await app.stop();
  }
});

test('SIGHUP re-reads the file, and keeps the rules in force when the new file is invalid', async ({
  gateway,
  pushGroup,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-config-'));
  const file = path.join(dir, 'pushboard.yml');
  const rule = (job: string) =>
    `prune:\n  interval: 1s\n  rules:\n    - name: r-${job}\n      match: '{job="${job}"}'\n      older_than: 1s\n`;
  writeFileSync(file, rule('first'));
  const cli = runCli(['--gateway', gateway.url, '--listen', '127.0.0.1:0', '--config', file]);
  try {
    await expect.poll(() => cli.output()).toContain(`config: ${file}: 1 prune rule`);
    await pushGroup({ job: 'second' }, 'm 1\n');
    writeFileSync(file, rule('second'));
    cli.signal('SIGHUP');
    await expect.poll(() => cli.output()).toContain(`config: reloaded ${file}: 1 prune rule`);
    await expect.poll(() => held(gateway)).toEqual([]);

    writeFileSync(file, 'prune:\n  rules:\n    - name: x\n      match: "{}"\n      older_tahn: 1s\n');
    cli.signal('SIGHUP');
    await expect
      .poll(() => cli.output())
      .toContain(
        `config: warning: not reloaded, keeping the configuration in force (1 prune rule, 0 expectations): ${file}:5: prune.rules[0]: unknown key "older_tahn"`,
      );
    // The rule for job "second" still runs.
    await pushGroup({ job: 'second' }, 'm 1\n');
    await pushGroup({ job: 'first' }, 'm 1\n');
    await expect.poll(() => held(gateway)).toEqual(['{job="first"}']);
  } finally {
    cli.stop();
  }
});

test('an invalid file at start-up stops the server with one line naming the file and line', async ({ gateway }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-config-'));
  const file = path.join(dir, 'pushboard.yml');
  writeFileSync(file, 'prune:\n  interval: soon\n');
  const cli = runCli(['--gateway', gateway.url, '--listen', '127.0.0.1:0', '--config', file]);
  await expect.poll(() => cli.exitCode()).not.toBeNull();
  expect(cli.exitCode()).not.toBe(0);
  expect(cli.output()).toBe(
    `pushboard: ${file}:2: prune.interval: "soon" is not a duration (e.g. 30s, 5m, 2h30m, 7d)\n`,
  );
});
