/** Prune rules in the browser: the Rules page, the badges, the due filter and Copy as prune rule. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseConfig } from '../server/config';
import { article, expect, openMenu, test } from './fixtures';
import { runCli, TestApp } from './harness';

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

// The cap of 1 holds the two due ci groups back, so they stay on the gateway to be looked at.
const RULES = `prune:
  interval: 1s
  max_deletes_per_run: 1
  rules:
    - name: ci-branches
      match: '{job=~"ci_.*", branch!="main"}'
      older_than: 1s
    - name: reports-weekly
      match: '{job="report"}'
      older_than: 7d
`;

test('the Rules page, each group’s badge, and the due-for-pruning filter', async ({ page, gateway, pushGroup }) => {
  await pushGroup({ job: 'ci_a', branch: 'x' }, 'm 1\n');
  await pushGroup({ job: 'ci_b', branch: 'y' }, 'm 1\n');
  await pushGroup({ job: 'ci_c', branch: 'main' }, 'm 1\n');
  await pushGroup({ job: 'report', instance: 'r1' }, 'm 1\n');
  const app = await TestApp.start(gateway.url, { prune: parseConfig(RULES, 'pushboard.yml').prune, readOnly: true });
  try {
    await page.goto(app.url);
    await expect(article(page, '{job="ci_a", branch="x"}')).toContainText(
      'Due for pruning by ci-branches (held back: over its limit)',
    );
    await expect(article(page, '{job="report", instance="r1"}')).toContainText(/Pruned in 6d 23h by reports-weekly/);
    await expect(article(page, '{job="ci_c", branch="main"}')).not.toContainText(/prun/i);

    await openMenu(page, 'Options');
    await page.getByRole('button', { name: 'Only groups due for pruning (2)' }).click();
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(page.getByText('Showing 2 of 4 groups.')).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await expect(page.getByRole('heading', { name: 'Prune rules' })).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'read-only' })).toContainText(
      'These rules are the operator’s configuration and still run.',
    );
    const ci = page.getByRole('region', { name: 'ci-branches' });
    await expect(ci).toContainText('{job=~"ci_.*", branch!="main"}');
    await expect(ci).toContainText('no push at all for 1s');
    await expect(ci.getByRole('link', { name: '2 groups' })).toBeVisible();
    await expect(ci).toContainText('over its limit: 2 groups were due, the limit is 1; deleted none');
    const weekly = page.getByRole('region', { name: 'reports-weekly' });
    await expect(weekly).toContainText('Due now0 groups');
    await expect(weekly).toContainText('0 deleted, 0 kept because pushed again, 0 failed');
    await expect(page.getByText(/Next run/)).toBeVisible();

    await ci.getByRole('link', { name: '2 groups' }).click();
    await expect(page.getByRole('article')).toHaveCount(2);
    await openMenu(page, 'Options');
    await expect(page.getByRole('button', { name: /Only groups due for pruning/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  } finally {
    await app.stop();
  }
});

test('without rules there is no Rules link, badge or due filter', async ({ page, app, pushGroup }) => {
  await pushGroup({ job: 'ci_a', branch: 'x' }, 'm 1\n');
  await page.goto(app.url);
  await expect(article(page, '{job="ci_a", branch="x"}')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rules' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /due for pruning/ })).toHaveCount(0);
  await expect(article(page, '{job="ci_a", branch="x"}')).not.toContainText(/prun/i);
});

test('Copy as prune rule gives a rule the server accepts and that matches the same groups', async ({
  page,
  context,
  app,
  gateway,
  pushGroup,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await pushGroup({ job: 'ci_a', branch: "it's/x" }, 'm 1\n');
  await page.goto(`${app.url}?stale=2h30m`);
  const filter = page.getByRole('searchbox', { name: 'Filter groups' });
  await filter.fill('job="ci_a", branch=~"it\'s.*"');
  await openMenu(page, 'Options');
  await page.getByRole('button', { name: 'Copy as prune rule' }).click();
  const rule = await clipboard(page);
  expect(rule).toBe(`- name: 'ci_a-stale'\n  match: '{job="ci_a", branch=~"it''s.*"}'\n  older_than: '2h30m'\n`);
  // Free words cannot be part of a rule: the button goes.
  await filter.fill('job="ci_a" backup');
  await expect(page.getByRole('button', { name: 'Copy as prune rule' })).toHaveCount(0);

  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pushboard-config-')), 'pushboard.yml');
  writeFileSync(file, `prune:\n  rules:\n${rule.replace(/^/gm, '    ').trimEnd()}\n`);
  const cli = runCli(['--gateway', gateway.url, '--listen', '127.0.0.1:0', '--config', file]);
  try {
    await expect.poll(() => cli.output()).toContain(`config: ${file}: 1 prune rule`);
  } finally {
    cli.stop();
  }
  const parsed = parseConfig(`prune:\n  rules:\n${rule.replace(/^/gm, '    ')}`, 'f').prune!.rules[0]!;
  expect(parsed.match).toBe('{job="ci_a", branch=~"it\'s.*"}');
  expect(parsed.olderThan).toBe(9000);
});
