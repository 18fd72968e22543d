import { HISTOGRAM_PUSHES } from '../src/gateway/fixtures/histogram-pushes';
import { expect, test } from './fixtures';

test('undo pushes native and float histograms back over protobuf (1.11); on 1.5.1 it says beforehand which it cannot', async ({
  page,
  app,
  gateway,
  gatewayBuild,
  pushProtobuf,
}) => {
  for (const { labels, families } of HISTOGRAM_PUSHES) await pushProtobuf(labels, families);
  const before = await gateway.stableGroups();

  await page.goto(app.url);
  await page.getByRole('checkbox', { name: 'Select all in job native' }).check();
  await page.getByRole('checkbox', { name: 'Select all in job float' }).check();
  await page.getByRole('button', { name: 'Delete 6 selected groups' }).click();
  const dialog = page.getByRole('alertdialog');
  if (!gatewayBuild.newer) await expect(dialog).toContainText('cannot be restored');
  else await expect(dialog).not.toContainText('cannot be restored');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await gateway.groups()).length).toBe(0);
  await page.getByRole('status').filter({ hasText: 'Deleted 6 groups.' }).getByRole('button', { name: 'Undo' }).click();

  if (gatewayBuild.newer) {
    await expect(page.getByRole('status').filter({ hasText: 'Restored 6 groups.' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Every bucket, count and sum as before: the gateway holds what it held.
    expect(await gateway.stableGroups()).toEqual(before);
  } else {
    // 1.5.1 showed the native histogram without its buckets: pushing that back would lose them.
    // The notice names it (the delete dialog said so before), and Undo restores the other five.
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: '{job="native", instance="integer"} holds a native histogram; it cannot be restored.' }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Restored 5 groups.' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await gateway.stableGroups()).toEqual(
      before.filter((g) => JSON.stringify(g.labels) !== '{"instance":"integer","job":"native"}'),
    );
  }
});
