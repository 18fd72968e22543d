import { article, expect, test } from './fixtures';

/** The instances the gateway holds, sorted. */
async function instances(gateway: { groups: () => Promise<Array<{ labels: Record<string, string> }>> }) {
  return (await gateway.groups()).map((g) => g.labels.instance ?? '').sort();
}

test('keyboard only: filter, expand, delete, and undo, without the mouse', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  for (const instance of ['db-1', 'db-2', 'web-1']) await pushGroup({ job: 'backup', instance }, 'm 1\n');
  await page.clock.install();
  await page.goto(app.url);
  await expect(page.getByRole('article')).toHaveCount(3);

  await page.keyboard.press('/');
  const filter = page.getByRole('searchbox', { name: 'Filter groups' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('instance="db-2"');
  await expect(page.getByRole('article')).toHaveCount(1);

  // ↓ leaves the filter box for the first group found; Enter expands it.
  await page.keyboard.press('ArrowDown');
  const card = article(page, '{job="backup", instance="db-2"}');
  const toggle = card.getByRole('button', { name: /family/ });
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByRole('button', { name: 'Copy selector' })).toBeVisible();

  // Tab reaches Delete; the dialog opens on Cancel, Tab then Enter confirms.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Delete group' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Delete group' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Delete waits until the dialog has read what Undo would restore, as a person waits for it.
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => instances(gateway)).toEqual(['db-1', 'web-1']);

  // The deleted group's buttons are gone, so focus goes to Undo; it stays while focus is there.
  const notice = page.getByRole('status').filter({ hasText: 'Deleted' });
  const undo = notice.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await page.clock.runFor(60_000);
  await expect(undo).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => instances(gateway)).toEqual(['db-1', 'db-2', 'web-1']);
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  await expect(card).toBeVisible();

  // Esc clears the filter from anywhere but a text field.
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(page.getByRole('article')).toHaveCount(3);
});

test('a notice nobody is holding leaves after 20 s', async ({ page, app, gateway, pushGroup }) => {
  await pushGroup({ job: 'gone' }, 'm 1\n');
  await page.clock.install();
  await page.goto(app.url);
  await article(page, '{job="gone"}').getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(notice).toBeVisible();
  await expect.poll(() => gateway.groups()).toEqual([]);
  // Focus and pointer elsewhere: the clock alone decides.
  await page.getByRole('heading', { name: 'Groups', exact: true }).hover();
  await page.locator('main').focus();
  await page.clock.runFor(19_000);
  await expect(notice).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(notice).toBeHidden();
});

test('? lists the shortcuts in a dialog that gives focus back', async ({ page, app, pushGroup }) => {
  await pushGroup({ job: 'a' }, 'm 1\n');
  await page.goto(app.url);
  await expect(page.getByRole('article')).toHaveCount(1);

  // Typed into the filter box, ? is just a character.
  await page.keyboard.press('/');
  await page.keyboard.type('?');
  await expect(page.getByRole('searchbox', { name: 'Filter groups' })).toHaveValue('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');

  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: '/ Focus the filter box' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^j or ↓ Next job row or group/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: '? Show this list' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // Modal: j does not move the list behind it.
  await page.keyboard.press('j');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('a long label value is shown whole while the keyboard is on its group', async ({ page, app, pushGroup }) => {
  const long = 'very-long-instance-name-'.repeat(12);
  await pushGroup({ job: 'a', instance: long, path: long }, 'm 1\n');
  await page.goto(app.url);
  const card = article(page, `{job="a", instance="${long}", path="${long}"}`);
  await expect(card).toBeVisible();
  /** Whether the instance and the path chip are cut short (more text than room). */
  const cut = () =>
    card.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[title]')]
        .filter((e) => e.title.includes('very-long'))
        .map((e) => e.scrollWidth > e.clientWidth),
    );
  await expect.poll(cut).toEqual([true, true]);
  // j visits the job's row, then its first group.
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'job a 1 group' })).toBeFocused();
  await page.keyboard.press('j');
  await expect(card.getByRole('button', { name: /family/ })).toBeFocused();
  await expect.poll(cut).toEqual([false, false]);
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Delete group' })).toBeFocused();
  await expect.poll(cut).toEqual([false, false]);
});
