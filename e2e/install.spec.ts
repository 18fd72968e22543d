/**
 * Pushboard as a user installs it: `npm pack` of the build, installed globally into a prefix of
 * its own, `pushboard` run from there (no checkout, no tsx, no dev dependencies) in front of the
 * test's gateway, its systemd unit checked by systemd-analyze, then uninstalled. It runs once
 * (e2e/split.ts): nothing in it depends on the gateway's build.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { article, expect, test } from './fixtures';
import { freePort } from './harness';
import { builtCli } from '../scripts/built-server.js';

const run = promisify(execFile);

test('npm pack, npm install -g, pushboard in front of a gateway, npm uninstall -g', async ({
  page,
  gateway,
  pushGroup,
}) => {
  // npm fetches the dependencies (from its cache when it can): minutes on a loaded machine.
  test.setTimeout(300_000);
  builtCli();
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-install-'));
  const prefix = path.join(dir, 'prefix');
  const bin = path.join(prefix, 'bin', 'pushboard');
  try {
    // Packed as built (npm test has just built it): --ignore-scripts skips prepack's build.
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{ filename: string; files: { path: string }[] }>;
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['dist/index.html', 'dist/server/cli.js', 'dist/server/poll-thread.js']),
    );
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md']));
    // Only the built app, the compiled server and what a user reads or deploys.
    const other = paths.filter((p) => !/^(dist\/|deploy\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE$)/.test(p));
    expect(other).toEqual([]);

    await run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, filename)],
      { cwd: dir, timeout: 240_000 },
    );
    expect(existsSync(bin)).toBe(true);
    // What the package runs needs no TypeScript loader: tsx is not even there.
    expect(existsSync(path.join(prefix, 'lib', 'node_modules', 'pushboard', 'node_modules', 'tsx'))).toBe(false);

    const version = await run(bin, ['--version'], { cwd: dir });
    expect(version.stdout).toMatch(/^pushboard \d+\.\d+\.\d+\S* \(commit [0-9a-f]{7,}\)\n$/);

    await pushGroup({ job: 'installed', instance: 'from-npm' }, 'backup_ok 1\n');
    const port = await freePort();
    const server = spawn(
      bin,
      ['--gateway', gateway.url, '--listen', `127.0.0.1:${port}`, '--data-dir', path.join(dir, 'data')],
      { cwd: dir },
    );
    let output = '';
    server.stdout.on('data', (d) => (output += d));
    server.stderr.on('data', (d) => (output += d));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toContain(`Pushboard on http://127.0.0.1:${port}/`);
      await page.goto(`http://127.0.0.1:${port}/`);
      // The group the test pushed, as the gateway holds it, served by the installed server.
      const group = article(page, '{job="installed", instance="from-npm"}');
      await expect(group).toBeVisible();
      await expect(group).toContainText('pushed');
      await expect(group).toContainText('1 family, 1 series');
    } finally {
      // It saves the push history as it stops: wait for that before the directory goes.
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill();
        await exited;
      }
    }

    // The systemd unit the package ships, naming the binary just installed: systemd reads every
    // line of it (verify warns of an unknown key but exits 0, so nothing may be printed), and its
    // sandbox is rated at most 2.0 of 10 (systemd's "OK").
    const unit = path.join(dir, 'pushboard.service');
    const shipped = readFileSync(
      path.join(prefix, 'lib', 'node_modules', 'pushboard', 'deploy', 'pushboard.service'),
      'utf8',
    );
    expect(shipped).toMatch(/^ExecStart=pushboard /m);
    writeFileSync(unit, shipped.replace(/^ExecStart=pushboard /m, `ExecStart=${bin} `));
    const verified = await run('systemd-analyze', ['verify', unit], { cwd: dir });
    expect(verified.stdout + verified.stderr).toBe('');
    await run('systemd-analyze', ['security', '--offline=true', '--threshold=20', unit], { cwd: dir });

    await run('npm', ['uninstall', '-g', '--prefix', prefix, 'pushboard'], { cwd: dir, timeout: 120_000 });
    expect(existsSync(bin)).toBe(false);
    expect(existsSync(path.join(prefix, 'lib', 'node_modules', 'pushboard'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
});
