import { formatSelector } from '../core/selector';
import { article, expect, test } from './fixtures';

type Labels = Record<string, string>;

const tricky: Labels[] = [
  { job: 'a' },
  { job: 'a', instance: 'x' },
  { job: 'files', path: '/var/lib/etl', empty: '' },
  { job: 'odd', instance: 'with space %41 ?q=1 #frag' },
  { job: 'unicode', instance: 'ü日本🙂', rtl: 'مرحبا' },
  { job: 'long', instance: 'v'.repeat(2000) },
];

/** The grouping keys the gateway holds, sorted, for exact comparisons. */
async function heldKeys(gateway: { groups: () => Promise<Array<{ labels: Labels }>> }): Promise<string[]> {
  return (await gateway.groups()).map((g) => JSON.stringify(Object.entries(g.labels).sort())).sort();
}
const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());

for (const [i, victim] of tricky.entries()) {
  test(`deletes exactly the chosen group ${i}: ${JSON.stringify(victim).slice(0, 60)}`, async ({
    page,
    app,
    gateway,
    pushGroup,
  }) => {
    for (const labels of tricky) await pushGroup(labels, 'm 1\n');
    await page.goto(app.url);
    const all = await heldKeys(gateway);
    expect(all).toHaveLength(tricky.length);

    await expect(page.getByRole('article')).toHaveCount(tricky.length);
    const target = formatSelector(victim);
    const card = article(page, target);
    await card.getByRole('button', { name: 'Delete group' }).click();

    const dialog = page.getByRole('alertdialog', { name: 'Delete group' });
    await expect(dialog).toContainText(target);
    await expect(dialog).toContainText('1 metric family');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toHaveCount(0);

    await expect.poll(() => heldKeys(gateway)).toEqual(all.filter((k) => k !== keyOf(victim)));
  });
}

test('Cancel and Escape leave everything as it was', async ({ page, app, gateway, pushGroup }) => {
  await pushGroup({ job: 'keep', instance: 'one' }, 'm 1\n');
  await page.goto(app.url);
  const card = article(page, '{job="keep", instance="one"}');
  const button = card.getByRole('button', { name: 'Delete group' });

  await button.click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(button).toBeFocused();

  await button.click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.waitForTimeout(2500);
  await expect(card).toBeVisible();
  expect(await heldKeys(gateway)).toEqual([keyOf({ job: 'keep', instance: 'one' })]);
});

test('a refused delete puts the group back and says why', async ({ page, app, gateway, pushGroup }) => {
  await pushGroup({ job: 'fragile', instance: 'f1' }, 'm 1\n');
  await page.goto(app.url);
  const card = article(page, '{job="fragile", instance="f1"}');
  await card.getByRole('button', { name: 'Delete group' }).click();
  await gateway.stop();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();

  const failure = page.getByRole('alert').filter({ hasText: 'Could not delete 1 group' });
  await expect(failure).toContainText('{job="fragile", instance="f1"}');
  await expect(failure).toContainText(/502.*ECONNREFUSED/);
  await expect(card).toBeVisible();

  await gateway.start();
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot load data' })).toHaveCount(0);
  await expect(card).toBeVisible();
  expect(await heldKeys(gateway)).toEqual([keyOf({ job: 'fragile', instance: 'f1' })]);
});

test('select several groups, one in a job or a whole job, and delete them in one go', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  for (const i of [1, 2, 3]) await pushGroup({ job: 'batch', instance: `b${i}` }, 'm 1\n');
  await pushGroup({ job: 'other', instance: 'o1' }, 'm 1\n');
  await pushGroup({ job: 'other', instance: 'o2' }, 'm 1\n');
  await page.goto(app.url);

  await page.getByRole('checkbox', { name: 'Select all in job batch' }).check();
  await page.getByRole('checkbox', { name: 'Select {job="other", instance="o2"}' }).check();
  await page.getByRole('button', { name: 'Delete 4 selected groups' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 4 selected groups' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    /\{job="batch", instance="b1"\}/,
    /\{job="batch", instance="b2"\}/,
    /\{job="batch", instance="b3"\}/,
    /\{job="other", instance="o2"\}/,
  ]);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 4 groups.' })).toBeVisible();
  await expect.poll(() => heldKeys(gateway)).toEqual([keyOf({ job: 'other', instance: 'o1' })]);
  await expect(page.getByRole('article')).toHaveCount(1);
  // Nothing is selected any more: the selection's actions are gone until something is.
  await expect(page.getByRole('button', { name: /selected group/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
});
