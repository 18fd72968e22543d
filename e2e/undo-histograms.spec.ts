import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { prepareAssets } from '../scripts/gateway-assets.js';
import { HISTOGRAM_PUSHES } from '../src/gateway/fixtures/histogram-pushes';
import { buildGoPusher, ofGroup, pushedSeries, runGo } from './clients/clients';
import { article, expect, test } from './fixtures';
import { TestApp, type TestGateway } from './harness';
import { RefusingProxy } from './refusing-proxy';

// Go's pusher sends a histogram with classic and native buckets at once (see clients/go-pusher.go).
test.beforeAll(async () => {
  test.setTimeout(180_000);
  await buildGoPusher();
});

/** Deletes the jobs' groups, Undoes, and expects the gateway to hold every field as before. */
async function deleteAndUndoJobs(page: Page, gateway: TestGateway, jobs: string[], count: number) {
  const before = await pushedSeries(gateway.url);
  for (const job of jobs) await page.getByRole('checkbox', { name: `Select all in job ${job}` }).check();
  await page.getByRole('button', { name: `Delete ${count} selected groups` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Undo is offered for 20 seconds');
  await expect(dialog.getByRole('note', { name: 'What Undo cannot restore' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await gateway.groups()).length).toBe(0);
  await page
    .getByRole('status')
    .filter({ hasText: `Deleted ${count} groups.` })
    .getByRole('button', { name: `Undo delete of ${count} groups` })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `Restored ${count} groups.` })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Every field of every histogram, classic and native buckets alike, as the gateway's /metrics holds it.
  expect(await pushedSeries(gateway.url)).toEqual(before);
}

test('undo restores native, float and classic-and-native histograms whole on every gateway version', async ({
  page,
  app,
  gateway,
  pushProtobuf,
}) => {
  for (const { labels, families } of HISTOGRAM_PUSHES) await pushProtobuf(labels, families);
  await runGo(gateway.url, 'push', 'go', { instance: 'both' }, 'both');
  await page.goto(app.url);
  await deleteAndUndoJobs(page, gateway, ['native', 'float', 'go'], 7);
});

test.describe('served by the gateway itself, reading its /metrics on the same origin', () => {
  const assets = mkdtempSync(path.join(tmpdir(), 'pushboard-assets-'));
  test.beforeAll(({ gatewayBuild }) => prepareAssets({ out: assets, from: gatewayBuild.assets, dist: 'dist' }));
  test.use({ gatewayOptions: { localAssets: assets } });

  test('undo restores a histogram with classic and native buckets whole', async ({ page, gateway }) => {
    await runGo(gateway.url, 'push', 'go', { instance: 'both' }, 'both');
    await runGo(gateway.url, 'push', 'go', { instance: 'plain' });
    await page.goto(new URL('static/pushboard/', gateway.url).href);
    await deleteAndUndoJobs(page, gateway, ['go'], 2);
  });
});

test('when /metrics cannot be read, the dialog names beforehand what Undo would lose, and Undo offers only the rest', async ({
  page,
  gateway,
  gatewayBuild,
  pushGroup,
}) => {
  await runGo(gateway.url, 'push', 'go', { instance: 'both' }, 'both');
  await pushGroup({ job: 'go', instance: 'plain' }, 'm 1\n');
  const proxy = await RefusingProxy.start(gateway.url, (method, target) => method === 'GET' && target === '/metrics');
  const app = await TestApp.start(proxy.url);
  try {
    const before = await pushedSeries(gateway.url);
    await page.goto(app.url);
    await page.getByRole('checkbox', { name: 'Select all in job go' }).check();
    await page.getByRole('button', { name: 'Delete 2 selected groups' }).click();
    const dialog = page.getByRole('alertdialog');
    const half = gatewayBuild.newer ? 'classic' : 'native';
    await expect(dialog.getByRole('note', { name: 'What Undo cannot restore' })).toHaveText(
      '1 of these groups can be restored by Undo:' +
        '{job="go", instance="both"}: cannot restore histogram "go_latency_seconds" exactly: ' +
        `the API shows none of its ${half} buckets, if it has any, and the gateway's /metrics could not be read ` +
        `(The gateway answered 502 Bad Gateway for -/pushboard/pushed.pb: the Pushgateway at ${proxy.url} answered 500 for /metrics).`,
    );
    await expect(dialog).toContainText('Undo is offered for 20 seconds afterwards');
    await expect(dialog).toContainText('it restores the other group exactly');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await gateway.groups()).length).toBe(0);

    const notice = page.getByRole('status').filter({ hasText: 'Deleted 2 groups.' });
    await expect(notice.getByRole('list', { name: 'Not restored by Undo' })).toContainText(
      '{job="go", instance="both"} is not restored by Undo: cannot restore histogram "go_latency_seconds" exactly',
    );
    await notice.getByRole('button', { name: 'Undo delete of {job="go", instance="plain"}' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored {job="go", instance="plain"}.' })).toBeVisible();
    await expect(article(page, '{job="go", instance="plain"}')).toBeVisible();
    // The plain group is back exactly; the histogram's group stays deleted, as the dialog said.
    const plain = { job: 'go', instance: 'plain' };
    expect(await pushedSeries(gateway.url)).toEqual(before.filter((s) => ofGroup(s, plain)));
  } finally {
    await proxy.stop();
  }
});
