/**
 * Issue 26, case 5: regular expressions with Prometheus' own semantics (RE2), on the server and in
 * the browser. A rule whose pattern backtracks exponentially in JavaScript (`(a+)+b`) meets a job
 * named `aaa…a!`: the server keeps answering. A JavaScript-only pattern is refused as Prometheus
 * refuses it, at start-up and in the filter box.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { article, expect, test } from './fixtures';
import { freePort, runCli, runCliToEnd } from './harness';
import { send } from './raw-http';

const EVIL = `${'a'.repeat(40)}!`;

const config = (match: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pushboard-re2-')), 'pushboard.yml');
  writeFileSync(
    file,
    `prune:\n  interval: 1s\n  rules:\n    - name: evil\n      match: '${match}'\n      older_than: 1s\n`,
  );
  return file;
};

test('a rule with (a+)+b against a job named aaa…a! leaves the server answering, and deletes only what matches', async ({
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: EVIL }, 'm 1\n');
  await pushGroup({ job: 'aaab' }, 'm 1\n');
  const port = await freePort();
  const cli = runCli([
    '--gateway',
    gateway.url,
    '--listen',
    `127.0.0.1:${port}`,
    '--config',
    config('{job=~"(a+)+b"}'),
  ]);
  try {
    await expect.poll(cli.output, { timeout: 10_000 }).toContain('Pushboard on http://127.0.0.1:');
    // The rule deletes the one group it matches; the other is never matched.
    await expect.poll(async () => (await gateway.groups()).map((g) => g.labels.job)).toEqual([EVIL]);
    // Health, the rules (which count what each rule makes due) and the page still answer.
    for (const target of ['/-/pushboard/healthy', '/-/pushboard/rules', '/']) {
      const answer = await send(port, 'GET', target);
      expect(answer.status, target).toBe(200);
    }
    const rules = JSON.parse((await send(port, 'GET', '/-/pushboard/rules')).body) as {
      rules: Array<{ dueNow: number }>;
    };
    expect(rules.rules[0]!.dueNow).toBe(0);
  } finally {
    cli.stop();
  }
});

test('a pattern only JavaScript accepts refuses start-up, as Prometheus would refuse it', async ({ gateway }) => {
  const file = config('{branch=~"(?!main).*"}');
  const run = runCliToEnd(['--gateway', gateway.url, '--config', file]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `pushboard: ${file}:5: prune.rules[0].match: branch=~"(?!main).*" is not a valid regular expression: invalid or unsupported Perl syntax: \`(?!\` (Prometheus uses RE2: no lookahead, lookbehind or backreferences)\n`,
  );
});

test('the filter box matches as Prometheus does, and stays quick on a hostile pattern', async ({
  page,
  app,
  pushGroup,
}) => {
  await pushGroup({ job: EVIL }, 'm 1\n');
  await pushGroup({ job: 'BackUp' }, 'm 1\n');
  await page.goto(app.url);
  const filter = page.getByRole('searchbox', { name: 'Filter groups' });
  await expect(article(page, '{job="BackUp"}')).toBeVisible();
  // RE2's syntax, which JavaScript's RegExp refuses: a case-insensitive flag group.
  await filter.fill('job=~"(?i)backup"');
  await expect(page.getByText(/Showing/)).toHaveText('Showing 1 of 2 groups.');
  await expect(article(page, '{job="BackUp"}')).toBeVisible();
  // Exponential for a backtracking engine; linear here: the page answers at once.
  await filter.fill('job=~"(a+)+b"');
  await expect(page.getByText('No group matches these filters (2 hidden).')).toBeVisible();
  await filter.fill('job=~"(?=a)a+!"');
  await expect(page.getByText(/Prometheus uses RE2: no lookahead, lookbehind or backreferences/)).toBeVisible();
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
});
