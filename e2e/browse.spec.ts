import { article, expect, test } from './fixtures';

test('groups appear under their jobs, named by their exact selectors, in a stable order', async ({
  page,
  app,
  pushGroup,
}) => {
  await pushGroup({ job: 'backup', instance: 'db-10' }, 'backup_ok 1\n');
  await pushGroup({ job: 'backup', instance: 'db-2' }, 'backup_ok 1\n');
  await pushGroup({ job: 'backup' }, 'backup_ok 0\n');
  await pushGroup({ job: 'etl', instance: 'node-7', path: '/var/lib/etl', empty: '' }, 'etl_rows 5\n');

  await page.goto(app.url);

  const jobs = page.getByRole('heading', { level: 2 });
  await expect(jobs).toHaveText([/job\s*backup\s*3 groups/, /job\s*etl\s*1 group$/]);
  // Job first, then the other labels sorted by name; empty values shown too.
  await expect(article(page, '{job="etl", empty="", instance="node-7", path="/var/lib/etl"}')).toBeVisible();
  await expect(article(page, '{job="etl", empty="", instance="node-7", path="/var/lib/etl"}')).toContainText(
    'path="/var/lib/etl"',
  );
  await expect(article(page, '{job="etl", empty="", instance="node-7", path="/var/lib/etl"}')).toContainText(
    'empty=""',
  );

  // Without instance first, then instances in numeric order; identical after several polls.
  const names = () => page.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const expected = [
    '{job="backup"}',
    '{job="backup", instance="db-2"}',
    '{job="backup", instance="db-10"}',
    '{job="etl", empty="", instance="node-7", path="/var/lib/etl"}',
  ];
  await expect.poll(names).toEqual(expected);
  await page.waitForTimeout(4500);
  expect(await names()).toEqual(expected);
  const summary = page.getByRole('navigation', { name: 'Summary' });
  await expect(summary.getByRole('button', { name: '4 groups' })).toBeVisible();
  await expect(summary.getByRole('button', { name: '2 jobs' })).toBeVisible();
});

test('a new push appears without a reload; pausing stops polling until resumed', async ({ page, app, pushGroup }) => {
  await pushGroup({ job: 'first' }, 'm 1\n');
  await page.goto(app.url);
  await expect(article(page, '{job="first"}')).toBeVisible();

  await pushGroup({ job: 'second' }, 'm 2\n');
  await expect(article(page, '{job="second"}')).toBeVisible();

  await page.getByRole('button', { name: 'Pause polling' }).click();
  await expect(page.getByRole('button', { name: 'Resume polling' })).toHaveAttribute('aria-pressed', 'true');
  await pushGroup({ job: 'third' }, 'm 3\n');
  await page.waitForTimeout(5000);
  await expect(article(page, '{job="third"}')).toHaveCount(0);

  await page.getByRole('button', { name: 'Resume polling' }).click();
  await expect(article(page, '{job="third"}')).toBeVisible();
});

test('an empty gateway says so and shows how to push a first metric to it', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'This gateway holds no groups yet' })).toBeVisible();
  await expect(page.getByText(`curl --data-binary @- ${app.url}metrics/job/some_job`)).toBeVisible();
});

test("the server's page preloads the app proper beside the entry, and points it at the stream", async ({ app }) => {
  // The build names the boot chunk in the page (vite.config.ts) and the server fills in the rest
  // (server/page.js): a template step that missed would lose one or the other without an error.
  const html = await (await fetch(app.url, { headers: { 'Sec-Fetch-Mode': 'navigate' } })).text();
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).toMatch(/<link rel="modulepreload" crossorigin href="\.\/assets\/boot-[^"]+\.js">/);
  expect(head).toContain('<meta name="pushboard-events" content="./-/pushboard/events" />');
  expect(head).toContain('<script type="application/json" id="pushboard-config">');
});
