/**
 * Issue 26, cases 3 and 10: SIGHUP with a file that would change what the rules mean (new
 * gateways, or no rules at all) is refused as a whole; the rules in force keep running, and the
 * refusal is logged, counted and shown. A real server process, a real gateway, real signals.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatSelector } from '../core/selector';
import { expect, test } from './fixtures';
import { freePort, runCli, type TestGateway } from './harness';

const held = async (gateway: TestGateway) => (await gateway.groups()).map((g) => formatSelector(g.labels)).sort();

interface Rules {
  rules: Array<{ name: string }>;
  lastRun: { finishedAt: number } | null;
  reload: { outcome: string; reason: string | null } | null;
}

const RULE_OLD = `prune:\n  interval: 1s\n  rules:\n    - name: r-old\n      match: '{job="old"}'\n      older_than: 1s\n`;

/** The server on `--config FILE` in front of `gateway`, with helpers to read what it says. */
async function serve(gateway: TestGateway, text: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pushboard-reload-')), 'pushboard.yml');
  writeFileSync(file, text);
  const port = await freePort();
  const cli = runCli(['--gateway', gateway.url, '--listen', `127.0.0.1:${port}`, '--config', file]);
  await expect.poll(cli.output, { timeout: 10_000 }).toContain('Pushboard on http://127.0.0.1:');
  const get = (p: string) => fetch(`http://127.0.0.1:${port}/-/pushboard/${p}`);
  return {
    cli,
    file,
    rules: async () => (await (await get('rules')).json()) as Rules,
    metric: async (name: string) =>
      (await (await get('metrics')).text())
        .split('\n')
        .find((l) => l.startsWith(name))
        ?.split(' ')[1],
    /** Resolves once a prune run has finished after now. */
    aRunLater: async (rules: () => Promise<Rules>) => {
      const since = Date.now();
      await expect
        .poll(async () => (await rules()).lastRun?.finishedAt ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(since);
    },
  };
}

test('a reload that adds gateways is refused as a whole: the rule in force runs on, the new one never', async ({
  gateway,
  pushGroup,
}) => {
  const server = await serve(gateway, RULE_OLD);
  try {
    await pushGroup({ job: 'victim' }, 'm 1\n');
    // A colleague adds a gateway and a rule for it alone: a rule that would delete everything on it.
    writeFileSync(
      server.file,
      `gateways:\n  - name: us\n    url: http://127.0.0.1:1/\nprune:\n  interval: 1s\n  rules:\n    - name: us-all\n      match: '{}'\n      older_than: 1s\n      gateways: [us]\n`,
    );
    server.cli.signal('SIGHUP');
    await expect
      .poll(server.cli.output)
      .toContain(
        'config: warning: not reloaded, keeping the configuration in force (1 prune rule, 0 expectations): it adds a gateways: section, which the server did not start with: a reload may change rules and expectations, never the set of gateways (restart the server to change them)',
      );
    await server.aRunLater(server.rules);
    await server.aRunLater(server.rules);
    expect(await held(gateway)).toEqual(['{job="victim"}']);
    const view = await server.rules();
    expect(view.rules.map((r) => r.name)).toEqual(['r-old']);
    expect(view.reload).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('never the set of gateways'),
    });
    expect(await server.metric('pushboard_config_reloads_total{outcome="refused"}')).toBe('1');
    expect(await server.metric('pushboard_config_last_reload_successful')).toBe('0');
    // The rule in force still deletes what it should.
    await pushGroup({ job: 'old' }, 'm 1\n');
    await expect.poll(() => held(gateway)).toEqual(['{job="victim"}']);
  } finally {
    server.cli.stop();
  }
});

test('an empty file on SIGHUP is refused with a warning; one that says "no rules" is taken', async ({
  gateway,
  pushGroup,
}) => {
  const server = await serve(gateway, RULE_OLD);
  try {
    writeFileSync(server.file, '');
    server.cli.signal('SIGHUP');
    await expect
      .poll(server.cli.output)
      .toContain(
        'config: warning: not reloaded, keeping the configuration in force (1 prune rule, 0 expectations): it holds no prune rules, while 1 is in force: if there should be none, say so with prune: {rules: []}',
      );
    expect(await server.metric('pushboard_config_reloads_total{outcome="refused"}')).toBe('1');
    // Pruning goes on.
    await pushGroup({ job: 'old' }, 'm 1\n');
    await expect.poll(() => held(gateway)).toEqual([]);

    writeFileSync(server.file, 'prune: {rules: []}\n');
    server.cli.signal('SIGHUP');
    await expect.poll(server.cli.output).toContain(`config: reloaded ${server.file}: 0 prune rules, 0 expectations`);
    expect(await server.metric('pushboard_config_reloads_total{outcome="success"}')).toBe('1');
    expect(await server.metric('pushboard_config_last_reload_successful')).toBe('1');
    expect((await server.rules()).reload).toMatchObject({ outcome: 'success', reason: null });
  } finally {
    server.cli.stop();
  }
});
