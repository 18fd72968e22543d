/**
 * Several gateways in one view: three real gateways behind one Pushboard server. eu-1 and eu-2
 * run with the admin API, us-1 without.
 */
import { expect, openMenu, test as base } from './fixtures';
import { push } from '../scripts/push.js';
import { send } from './raw-http';
import { TestApp, TestGateway, type AppOptions } from './harness';
import { parseConfig } from '../server/config';
import { readDelimited } from '../core/protobuf-families';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import AxeBuilder from '@axe-core/playwright';
import { freePort, runCli, runCliToEnd } from './harness';
import { builtCli } from '../scripts/built-server.js';

type Three = { 'eu-1': TestGateway; 'eu-2': TestGateway; 'us-1': TestGateway };

const test = base.extend<{ gateways: Three; multiAppOptions: AppOptions; multi: TestApp }>({
  multiAppOptions: [{}, { option: true }],
  gateways: async ({ gatewayBuild }, use) => {
    const [eu1, eu2, us1] = await Promise.all([
      TestGateway.start({ build: gatewayBuild }),
      TestGateway.start({ build: gatewayBuild }),
      TestGateway.start({ build: gatewayBuild, adminApi: false }),
    ]);
    await use({ 'eu-1': eu1!, 'eu-2': eu2!, 'us-1': us1! });
    await Promise.all([eu1!.dispose(), eu2!.dispose(), us1!.dispose()]);
  },
  multi: async ({ gateways, multiAppOptions }, use) => {
    const app = await TestApp.start(gateways['eu-1'].url, {
      gateways: Object.entries(gateways).map(([name, g]) => ({ name, url: new URL(g.url) })),
      ...multiAppOptions,
    });
    await use(app);
    await app.stop();
  },
});

/** Pushes text exposition to a group on one gateway and expects it accepted. */
async function pushTo(gateway: TestGateway, labels: Record<string, string>, body: string) {
  const result = await push(gateway.url, labels, body);
  expect(result.status, `push to ${JSON.stringify(labels)}: ${result.text}`).toBeLessThan(300);
}

const held = async (gateway: TestGateway) =>
  (await gateway.groups()).map((g) => JSON.stringify(Object.entries(g.labels).sort())).sort();
const key = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

const groupOn = (page: import('@playwright/test').Page, selector: string, gateway: string) =>
  page.getByRole('article', { name: `${selector} on ${gateway}`, exact: true });

test('a delete, and its undo, act on the one gateway the group is on; the same key elsewhere stays', async ({
  page,
  multi,
  gateways,
}) => {
  const db1 = { job: 'backup', instance: 'db-1' };
  await pushTo(gateways['eu-1'], db1, 'backup_size_bytes 100\n');
  await pushTo(gateways['eu-2'], db1, 'backup_size_bytes 200\n');
  await pushTo(gateways['us-1'], { job: 'etl' }, 'rows 3\n');
  await page.goto(multi.url);
  const onEu1 = groupOn(page, '{job="backup", instance="db-1"}', 'eu-1');
  await expect(onEu1).toBeVisible();
  await expect(groupOn(page, '{job="backup", instance="db-1"}', 'eu-2')).toBeVisible();
  await expect(groupOn(page, '{job="etl"}', 'us-1')).toBeVisible();
  // Undo's copy comes from that gateway's /metrics, and holds its pushed series only.
  const pushed = await fetch(new URL('-/gateways/eu-1/-/pushboard/pushed.pb', multi.url));
  expect(readDelimited(new Uint8Array(await pushed.arrayBuffer())).map((f) => f.name)).toEqual([
    'backup_size_bytes',
    'push_failure_time_seconds',
    'push_time_seconds',
  ]);

  await onEu1.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete group' });
  await expect(dialog).toContainText('from the gateway eu-1?');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => held(gateways['eu-1'])).toEqual([]);
  expect(await held(gateways['eu-2'])).toEqual([key(db1)]);
  await expect(onEu1).toHaveCount(0);
  await expect(groupOn(page, '{job="backup", instance="db-1"}', 'eu-2')).toBeVisible();

  // Undo pushes it back to eu-1, where it was, and nowhere else.
  await page.getByRole('button', { name: 'Undo delete of {job="backup", instance="db-1"} on eu-1' }).click();
  await expect.poll(() => held(gateways['eu-1'])).toEqual([key(db1)]);
  expect((await gateways['eu-1'].groups())[0]).toMatchObject({
    backup_size_bytes: { metrics: [expect.objectContaining({ value: '100' })] },
  });
  expect((await gateways['eu-2'].groups())[0]).toMatchObject({
    backup_size_bytes: { metrics: [expect.objectContaining({ value: '200' })] },
  });
  expect(await held(gateways['us-1'])).toEqual([key({ job: 'etl' })]);
  await expect(onEu1).toBeVisible();
});

test('a bulk delete names each group with its gateway, and deletes each on its own', async ({
  page,
  multi,
  gateways,
}) => {
  await pushTo(gateways['eu-1'], { job: 'ci', instance: 'a' }, 'm 1\n');
  await pushTo(gateways['us-1'], { job: 'ci', instance: 'b' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'keep' }, 'm 1\n');
  await page.goto(multi.url);
  await page.getByRole('checkbox', { name: 'Select {job="ci", instance="a"} on eu-1' }).check();
  await page.getByRole('checkbox', { name: 'Select {job="ci", instance="b"} on us-1' }).check();
  await page.getByRole('button', { name: 'Delete 2 selected groups' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 selected groups' });
  await expect(dialog).toContainText('from the gateways eu-1 (1) and us-1 (1)?');
  const preview = dialog.getByRole('list', { name: 'Groups to delete' });
  await expect(preview).toContainText('{job="ci", instance="a"} on eu-1');
  await expect(preview).toContainText('{job="ci", instance="b"} on us-1');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => held(gateways['eu-1'])).toEqual([]);
  await expect.poll(() => held(gateways['us-1'])).toEqual([]);
  expect(await held(gateways['eu-2'])).toEqual([key({ job: 'keep' })]);
});

test('wipe is offered per gateway with the admin API, and wipes that one only', async ({ page, multi, gateways }) => {
  await pushTo(gateways['eu-1'], { job: 'a' }, 'm 1\n');
  await pushTo(gateways['eu-1'], { job: 'b' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'a' }, 'm 1\n');
  await pushTo(gateways['us-1'], { job: 'c' }, 'm 1\n');
  await page.goto(multi.url);
  await openMenu(page, 'Actions');
  await expect(page.getByRole('button', { name: 'Delete all groups on eu-2' })).toBeVisible();
  // us-1 has no admin API; and there is never a wipe of every gateway at once.
  await expect(page.getByRole('button', { name: 'Delete all groups on us-1' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete all groups', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete all groups on eu-1' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete all groups on eu-1' });
  await expect(dialog).toContainText('This wipes the gateway eu-1: all 2 groups');
  await expect(dialog).toContainText('The other gateways are not touched.');
  await dialog.getByRole('textbox', { name: 'Type 2 to confirm' }).fill('2');
  await dialog.getByRole('button', { name: 'Delete all groups on eu-1' }).click();
  await expect.poll(() => held(gateways['eu-1'])).toEqual([]);
  expect(await held(gateways['eu-2'])).toEqual([key({ job: 'a' })]);
  expect(await held(gateways['us-1'])).toEqual([key({ job: 'c' })]);
  await expect(groupOn(page, '{job="a"}', 'eu-2')).toBeVisible();
  await expect(groupOn(page, '{job="c"}', 'us-1')).toBeVisible();
  await expect(groupOn(page, '{job="a"}', 'eu-1')).toHaveCount(0);
});

test('a stopped gateway is named in the alert, its groups kept and marked, while the others keep updating', async ({
  page,
  multi,
  gateways,
}) => {
  await pushTo(gateways['eu-1'], { job: 'a' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'b' }, 'm 1\n');
  await pushTo(gateways['us-1'], { job: 'c' }, 'm 1\n');
  await page.goto(multi.url);
  await expect(groupOn(page, '{job="b"}', 'eu-2')).toBeVisible();
  await gateways['eu-2'].stop();
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot load data from the gateway eu-2.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Its groups below are its last good data');
  await expect(alert).toContainText('The other gateways are live.');
  await expect(groupOn(page, '{job="b"}', 'eu-2')).toContainText('Gateway down: data from');
  await expect(groupOn(page, '{job="a"}', 'eu-1')).not.toContainText('Gateway down');
  // The live ones keep updating.
  await pushTo(gateways['us-1'], { job: 'new' }, 'm 1\n');
  await pushTo(gateways['eu-1'], { job: 'new' }, 'm 1\n');
  await expect(groupOn(page, '{job="new"}', 'us-1')).toBeVisible();
  await expect(groupOn(page, '{job="new"}', 'eu-1')).toBeVisible();
  // Back up: the alert and the mark go by themselves.
  await gateways['eu-2'].start();
  await expect(alert).toHaveCount(0, { timeout: 15_000 });
  await expect(groupOn(page, '{job="b"}', 'eu-2')).not.toContainText('Gateway down');
});

test("raw requests: each gateway's API only under its name, with the server's read-only and cross-site gates", async ({
  multi,
  gateways,
}) => {
  await pushTo(gateways['eu-1'], { job: 'x' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'x' }, 'm 1\n');
  const port = Number(new URL(multi.url).port);
  const root = await send(port, 'GET', '/api/v1/metrics');
  expect(root.status).toBe(404);
  expect(root.body).toContain("each one's API is under -/gateways/NAME/ (eu-1, eu-2, us-1)");
  const own = await send(port, 'GET', '/-/gateways/eu-2/api/v1/metrics');
  expect(own.status).toBe(200);
  expect(own.body).toContain('"job":"x"');
  expect((await send(port, 'GET', '/-/gateways/nowhere/api/v1/metrics')).status).toBe(404);
  // Only the gateway's own paths, as at the root with one gateway.
  expect((await send(port, 'GET', '/-/gateways/eu-1/api/v1/../../../-/quit')).status).not.toBe(200);

  const crossSite = await send(port, 'DELETE', '/-/gateways/eu-1/metrics/job/x', {
    headers: { Origin: 'http://evil.example' },
  });
  expect(crossSite.status).toBe(403);
  const wipe = await send(port, 'PUT', '/-/gateways/eu-2/api/v1/admin/wipe', {
    headers: { 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(wipe.status).toBe(403);
  expect(await held(gateways['eu-1'])).toEqual([key({ job: 'x' })]);
  expect(await held(gateways['eu-2'])).toEqual([key({ job: 'x' })]);

  const sameSite = await send(port, 'DELETE', '/-/gateways/eu-1/metrics/job/x', {
    headers: { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' },
  });
  expect(sameSite.status).toBe(202);
  await expect.poll(() => held(gateways['eu-1'])).toEqual([]);
  expect(await held(gateways['eu-2'])).toEqual([key({ job: 'x' })]);

  // The server's metrics say which gateway each poll went to.
  const metrics = (await send(port, 'GET', '/-/pushboard/metrics')).body;
  expect(metrics).toMatch(/pushboard_gateway_polls_total\{gateway="us-1",outcome="success"\} \d+/);
  expect(metrics).toMatch(/pushboard_gateway_up\{gateway="eu-2"\} 1/);
});

test.describe('read-only with several gateways', () => {
  test.use({ multiAppOptions: { readOnly: true } });
  test('refuses changes on every gateway', async ({ multi, gateways }) => {
    await pushTo(gateways['eu-1'], { job: 'x' }, 'm 1\n');
    const port = Number(new URL(multi.url).port);
    for (const target of ['/-/gateways/eu-1/metrics/job/x', '/-/gateways/eu-1/api/v1/admin/wipe']) {
      const answer = await send(port, target.endsWith('wipe') ? 'PUT' : 'DELETE', target, {
        headers: { Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' },
      });
      expect(answer.status, target).toBe(403);
    }
    expect(await held(gateways['eu-1'])).toEqual([key({ job: 'x' })]);
  });
});

test('a prune rule with gateways: deletes on those only, logged and counted with the gateway', async ({ gateways }) => {
  await pushTo(gateways['eu-1'], { job: 'old' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'old' }, 'm 1\n');
  const lines: string[] = [];
  const yaml = `prune:
  interval: 1s
  rules:
    - name: old-eu-1
      match: '{job="old"}'
      older_than: 1s
      gateways: [eu-1]
`;
  const app = await TestApp.start(gateways['eu-1'].url, {
    gateways: Object.entries(gateways).map(([name, g]) => ({ name, url: new URL(g.url) })),
    prune: parseConfig(yaml, 'pushboard.yml', { gatewayNames: Object.keys(gateways) }).prune,
    log: (line) => lines.push(line),
  });
  try {
    await expect.poll(() => held(gateways['eu-1']), { timeout: 15_000 }).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^prune: rule=old-eu-1 match=\{job="old"\} selector=\{job="old"\} gateway=eu-1 .*result=deleted$/,
      ),
    );
    // A run later, eu-2's copy is still there: the rule names eu-1 only.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await held(gateways['eu-2'])).toEqual([key({ job: 'old' })]);
    const metrics = await (await fetch(new URL('-/pushboard/metrics', app.url))).text();
    expect(metrics).toContain('pushboard_prune_deleted_groups_total{rule="old-eu-1",gateway="eu-1"} 1');
  } finally {
    await app.stop();
  }
});

test('the command line: repeated --gateway NAME=URL or a gateways: section, with one-line errors', async ({
  gateways,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-multi-'));
  const file = path.join(dir, 'pushboard.yml');
  writeFileSync(
    file,
    `gateways:\n${Object.entries(gateways)
      .map(([name, g]) => `  - name: ${name}\n    url: ${g.url}\n`)
      .join('')}`,
  );
  const both = runCliToEnd(['--config', file, '--gateway', `eu-1=${gateways['eu-1'].url}`]);
  expect(both.code).toBe(1);
  expect(both.stderr).toBe(
    'pushboard: gateways are given both with --gateway and in the configuration file\'s "gateways:": use one or the other\n',
  );
  const unnamed = runCliToEnd(['--gateway', gateways['eu-1'].url, '--gateway', gateways['eu-2'].url]);
  expect(unnamed.code).toBe(1);
  expect(unnamed.stderr).toContain('name each one, as --gateway NAME=URL');

  for (const args of [
    ['--gateway', `eu-1=${gateways['eu-1'].url}`, '--gateway', `us-1=${gateways['us-1'].url}`],
    ['--config', file],
  ]) {
    const port = await freePort();
    const cli = runCli([...args, '--listen', `127.0.0.1:${port}`]);
    try {
      await expect.poll(cli.output, { timeout: 10_000 }).toContain('Pushboard on http://127.0.0.1:');
      const names = args[0] === '--config' ? ['eu-1', 'eu-2', 'us-1'] : ['eu-1', 'us-1'];
      expect(cli.output()).toContain(`for ${names.length} Pushgateways: eu-1 at ${gateways['eu-1'].url}`);
      const config = await (await fetch(`http://127.0.0.1:${port}/config.json`)).json();
      expect(config.gateways.map((g: { name: string }) => g.name)).toEqual(names);
      expect(config.gatewayAddress).toBeUndefined();
    } finally {
      cli.stop();
    }
  }
});

test('pushboard prune, once, on several gateways: each group deleted on its own, lines naming it', async ({
  gateways,
}) => {
  await pushTo(gateways['eu-1'], { job: 'old' }, 'm 1\n');
  await pushTo(gateways['us-1'], { job: 'old' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'old' }, 'm 1\n');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const run = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [
      builtCli(),
      'prune',
      '--gateway',
      `eu-1=${gateways['eu-1'].url}`,
      '--gateway',
      `us-1=${gateways['us-1'].url}`,
      '--match',
      '{job="old"}',
      '--older-than',
      '1s',
    ]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
  expect(run.err).toBe('');
  expect(run.out).toMatch(
    /^deleted \{job="old"\} on eu-1 \(rule command-line, last push \ds ago\)\ndeleted \{job="old"\} on us-1 \(rule command-line, last push \ds ago\)\nprune: 2 deleted, 0 kept \(pushed again\), 0 failed\n$/,
  );
  expect(run.code).toBe(0);
  expect(await held(gateways['eu-1'])).toEqual([]);
  expect(await held(gateways['us-1'])).toEqual([]);
  // Not named: untouched.
  expect(await held(gateways['eu-2'])).toEqual([key({ job: 'old' })]);
});

test('the list: every gateway shown, arranged by job or by gateway, @gateway filters, summary quick filters', async ({
  page,
  multi,
  gateways,
}) => {
  await pushTo(gateways['eu-1'], { job: 'backup', instance: 'db-1' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'backup', instance: 'db-2' }, 'm 1\n');
  await pushTo(gateways['us-1'], { job: 'etl' }, 'm 1\n');
  await pushTo(gateways['us-1'], { job: 'backup', instance: 'db-3' }, 'm 1\n');
  await page.goto(multi.url);
  const names = () => page.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  // By job across gateways (the default): one "backup" heading over three gateways' groups.
  await expect
    .poll(names)
    .toEqual([
      '{job="backup", instance="db-1"} on eu-1',
      '{job="backup", instance="db-2"} on eu-2',
      '{job="backup", instance="db-3"} on us-1',
      '{job="etl"} on us-1',
    ]);
  await expect(groupOn(page, '{job="etl"}', 'us-1').getByTitle('Gateway us-1')).toHaveText('us-1');
  // One job row per job and gateway: backup on eu-1, eu-2 and us-1.
  await expect(page.getByRole('heading', { name: /^job backup/ })).toHaveCount(3);

  // By gateway, then job: kept in the URL.
  await openMenu(page, 'Options');
  await page.getByRole('combobox', { name: 'Arrange' }).selectOption('By gateway, then job');
  await expect(page).toHaveURL(/[?&]by=gateway/);
  for (const [gateway, n] of [
    ['eu-1', 1],
    ['eu-2', 1],
    ['us-1', 2],
  ] as const) {
    await expect(
      page.getByRole('heading', { name: `Gateway ${gateway} · ${n} group${n > 1 ? 's' : ''}` }),
    ).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: /^job backup/ })).toHaveCount(3);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Gateway us-1 · 2 groups' })).toBeVisible();

  // @gateway filters, alone and with label matchers.
  const filter = page.getByRole('searchbox', { name: 'Filter groups' });
  await filter.fill('@gateway="us-1"');
  await expect.poll(names).toEqual(['{job="backup", instance="db-3"} on us-1', '{job="etl"} on us-1']);
  await filter.fill('@gateway=~"eu-.*" instance=~"db-.*"');
  await expect
    .poll(names)
    .toEqual(['{job="backup", instance="db-1"} on eu-1', '{job="backup", instance="db-2"} on eu-2']);
  await filter.fill('{job="backup", @gateway!="eu-1"}');
  await expect
    .poll(names)
    .toEqual(['{job="backup", instance="db-2"} on eu-2', '{job="backup", instance="db-3"} on us-1']);
  await filter.fill('@region="eu"');
  await expect(page.getByText('only @gateway is known', { exact: false })).toBeVisible();
  await filter.fill('');

  // The gateways' line counts per gateway, each a quick filter; several pick any of them.
  const summary = page.getByRole('navigation', { name: 'Gateways' });
  await summary.getByRole('button', { name: 'eu-2: 1 group' }).click();
  await expect.poll(names).toEqual(['{job="backup", instance="db-2"} on eu-2']);
  await summary.getByRole('button', { name: 'eu-1: 1 group' }).click();
  await expect(page).toHaveURL(/gw=eu-2.*gw=eu-1|gw=eu-1.*gw=eu-2/);
  await expect
    .poll(names)
    .toEqual(['{job="backup", instance="db-1"} on eu-1', '{job="backup", instance="db-2"} on eu-2']);
});

test('the same key on two gateways is marked on both cards, with its timing and whether the values differ', async ({
  page,
  multi,
  gateways,
}) => {
  await pushTo(gateways['eu-1'], { job: 'lb', instance: 'x' }, 'm 1\n');
  await pushTo(gateways['eu-2'], { job: 'lb', instance: 'x' }, 'm 2\n');
  await pushTo(gateways['eu-1'], { job: 'same', instance: 'y' }, 'm 5\n');
  await pushTo(gateways['us-1'], { job: 'same', instance: 'y' }, 'm 5\n');
  await pushTo(gateways['eu-1'], { job: 'alone' }, 'm 1\n');
  await page.goto(multi.url);
  const lb1 = groupOn(page, '{job="lb", instance="x"}', 'eu-1');
  await expect(lb1).toContainText(/Also on eu-2, pushed (at the same time|\d+ s later).* different values/);
  await expect(groupOn(page, '{job="lb", instance="x"}', 'eu-2')).toContainText(
    /Also on eu-1, pushed .*different values/,
  );
  await expect(groupOn(page, '{job="same", instance="y"}', 'us-1')).toContainText(/Also on eu-1, pushed .*same values/);
  await expect(groupOn(page, '{job="alone"}', 'eu-1')).not.toContainText('Also on');

  await openMenu(page, 'Options');
  await page.getByRole('button', { name: /Only groups on several gateways \(4\)/ }).click();
  await expect(page).toHaveURL(/only=duplicated/);
  await expect(page.getByRole('article')).toHaveCount(4);
  await expect(groupOn(page, '{job="alone"}', 'eu-1')).toHaveCount(0);
});

test('the status page shows every gateway, each with its own trouble, and how to avoid groups on several', async ({
  page,
  multi,
  gateways,
  gatewayBuild,
}) => {
  await page.goto(`${multi.url}#/status`);
  await expect(page.getByRole('heading', { name: 'Gateways', level: 1 })).toBeVisible();
  for (const name of ['eu-1', 'eu-2', 'us-1']) {
    const section = page.getByRole('region', { name, exact: true });
    await expect(section.getByRole('region', { name: 'Build' })).toContainText(gatewayBuild.version);
    await expect(section).toContainText('Ready: the gateway accepts pushes and reads.');
    await expect(section.getByRole('region', { name: 'Runtime' })).toContainText(
      name === 'us-1' ? 'Admin API' + 'Disabled' : 'Admin API' + 'Enabled',
    );
    await expect(section.getByRole('region', { name: 'Runtime' })).toContainText('Persistence');
    await section.getByText(`Flags of ${name}`, { exact: true }).click();
    await expect(section.getByRole('table', { name: `Command-line flags of ${name}` })).toContainText(
      'web.listen-address',
    );
  }
  await expect(page.getByRole('region', { name: 'Same group on several gateways' })).toContainText('load balancer');
  await expect(page.getByRole('region', { name: 'Scrape config' })).toContainText('pushgateway-us-1');

  await gateways['eu-2'].stop();
  await page.reload();
  const down = page.getByRole('region', { name: 'eu-2', exact: true });
  await expect(down.getByRole('alert')).toContainText('Cannot load the status of gateway eu-2.');
  await expect(page.getByRole('region', { name: 'eu-1', exact: true }).getByRole('alert')).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'us-1', exact: true }).getByRole('region', { name: 'Build' }),
  ).toContainText(gatewayBuild.version);
});

test.describe('credentials per gateway', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-multi-auth-'));
  writeFileSync(path.join(dir, 'web.yml'), `basic_auth_users:\n  ops: ${bcrypt.hashSync('s3cret', 10)}\n`);
  writeFileSync(path.join(dir, 'eu-1.auth'), 'ops:s3cret\n');

  test('each gateway is reached with its own, from the gateways: section; the browser never sees them', async ({
    page,
    gatewayBuild,
  }) => {
    const locked = await TestGateway.start({
      build: gatewayBuild,
      webConfig: { file: path.join(dir, 'web.yml'), tls: false },
    });
    const open = await TestGateway.start({ build: gatewayBuild });
    try {
      // The locked gateway refuses anyone without them.
      expect((await fetch(new URL('api/v1/metrics', locked.url))).status).toBe(401);
      const yaml = `gateways:\n  - name: eu-1\n    url: ${locked.url}\n    basic_auth_file: eu-1.auth\n  - name: us-1\n    url: ${open.url}\n`;
      const config = parseConfig(yaml, path.join(dir, 'pushboard.yml'));
      const app = await TestApp.start(locked.url, { gateways: config.gateways });
      try {
        const pushed = await push(new URL('-/gateways/eu-1/', app.url), { job: 'secure' }, 'm 1\n');
        expect(pushed.status).toBe(200);
        await pushTo(open, { job: 'plain' }, 'm 1\n');
        const requests: string[] = [];
        page.on('request', (r) => requests.push(JSON.stringify(r.headers())));
        await page.goto(app.url);
        await expect(groupOn(page, '{job="secure"}', 'eu-1')).toBeVisible();
        await expect(groupOn(page, '{job="plain"}', 'us-1')).toBeVisible();
        expect(requests.join('\n')).not.toMatch(/authorization|s3cret/i);
        const served = await (await fetch(new URL('config.json', app.url))).text();
        expect(served).not.toMatch(/s3cret|auth/i);
        // The page carries the same configuration, and no more.
        expect(await (await fetch(app.url)).text()).not.toMatch(/s3cret|basic_auth|authorization/i);
      } finally {
        await app.stop();
      }
    } finally {
      await Promise.all([locked.dispose(), open.dispose()]);
    }
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility with several gateways (${theme})`, () => {
    test.use({ colorScheme: theme });
    test.describe.configure({ timeout: 90_000 });
    test(`the list by gateway with duplicates and a gateway down, and the status page, pass axe (${theme})`, async ({
      page,
      multi,
      gateways,
    }) => {
      await pushTo(gateways['eu-1'], { job: 'lb', instance: 'x' }, 'm 1\n');
      await pushTo(gateways['eu-2'], { job: 'lb', instance: 'x' }, 'm 2\n');
      await pushTo(gateways['us-1'], { job: 'etl' }, 'm 1\n');
      await page.goto(`${multi.url}?by=gateway`);
      await expect(groupOn(page, '{job="lb", instance="x"}', 'eu-1')).toContainText('Also on eu-2');
      await gateways['eu-2'].stop();
      await expect(groupOn(page, '{job="lb", instance="x"}', 'eu-2')).toContainText('Gateway down');
      const serious = async () =>
        (await new AxeBuilder({ page }).analyze()).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(await serious()).toEqual([]);
      await page.goto(`${multi.url}#/status`);
      await expect(page.getByRole('region', { name: 'eu-2', exact: true }).getByRole('alert')).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'us-1', exact: true }).getByRole('region', { name: 'Build' }),
      ).toBeVisible();
      expect(await serious()).toEqual([]);
    });
  });
}
