import { article, expect, test } from './fixtures';

const families = Array.from(
  { length: 6 },
  (_, i) => `# HELP fam_${i} Family ${i}.\n# TYPE fam_${i} gauge\nfam_${i}{k="a"} 1\nfam_${i}{k="b"} 2\n`,
).join('');

/** Pairs of articles whose boxes on screen overlap. */
async function overlaps(page: import('@playwright/test').Page): Promise<string[]> {
  return page.getByRole('article').evaluateAll((articles) => {
    const boxes = articles.map((a) => ({ name: a.getAttribute('aria-label'), r: a.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
      }
    return out;
  });
}

test('expanding two adjacent groups: each keeps its room, no two articles overlap', async ({
  page,
  app,
  pushGroup,
}) => {
  for (const instance of ['a', 'b', 'c', 'd']) await pushGroup({ job: 'v', instance }, families);
  await page.goto(app.url);
  await expect(page.getByRole('article')).toHaveCount(4);

  for (const instance of ['a', 'b']) {
    const card = article(page, `{job="v", instance="${instance}"}`);
    await card.getByRole('button', { name: /families/ }).click();
    await expect(card.getByRole('heading', { name: 'fam_5' }).or(card.getByText('fam_5').first())).toBeVisible();
  }
  // After the layout settles, and again after a poll and a scroll.
  await expect.poll(() => overlaps(page)).toEqual([]);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(2500);
  await expect.poll(() => overlaps(page)).toEqual([]);

  // Folding the first one closes the gap too.
  await article(page, '{job="v", instance="a"}')
    .getByRole('button', { name: /families/ })
    .click();
  await expect.poll(() => overlaps(page)).toEqual([]);
  const [a, b] = await Promise.all(['a', 'b'].map((i) => article(page, `{job="v", instance="${i}"}`).boundingBox()));
  expect(b!.y - (a!.y + a!.height)).toBeLessThan(20);
});
