/**
 * The wire protocol's version (core/wire/version.ts): the real server says which one it speaks,
 * and a page that cannot read it asks to be reloaded instead of breaking.
 */
import { WIRE_HEADER, WIRE_VERSION } from '../core/wire/version';
import { article, expect, test } from './fixtures';
import { followStream } from './stream-reader';

test('the server sends its wire version on its own answers and in the stream’s snapshot', async ({
  app,
  pushGroup,
}) => {
  await pushGroup({ job: 'wire', instance: 'a' }, 'm 1\n');
  for (const path of ['-/pushboard/rules', '-/pushboard/cadence', '-/pushboard/history/jobs', 'config.json']) {
    const response = await fetch(new URL(path, app.url));
    expect(response.headers.get(WIRE_HEADER), path).toBe(WIRE_VERSION);
  }
  // Not on what the gateway answers through the server.
  expect((await fetch(new URL('api/v1/status', app.url))).headers.get(WIRE_HEADER)).toBeNull();
  const stream = followStream(new URL('-/pushboard/events', app.url));
  try {
    await expect.poll(() => stream.events.find((e) => e.event === 'snapshot')).toBeDefined();
    const snapshot = JSON.parse(stream.events.find((e) => e.event === 'snapshot')!.data) as { wire?: string };
    expect(snapshot.wire).toBe(WIRE_VERSION);
  } finally {
    await stream.close();
  }
});

test('a page built for another major version than its server’s stops and offers a reload', async ({
  page,
  app,
  pushGroup,
}) => {
  await pushGroup({ job: 'wire', instance: 'a' }, 'm 1\n');
  const next = `${Number(WIRE_VERSION.split('.')[0]) + 1}.0`;
  // The server was updated after this page's build: its stream speaks the next major version.
  await page.route('**/-/pushboard/events', (route) => {
    const snapshot = {
      wire: next,
      server: 'next',
      version: 1,
      status: { lastSuccess: Date.now(), error: null, intervalMs: 5000 },
      groups: [],
      complete: true,
    };
    return route.fulfill({
      headers: { 'Content-Type': 'text/event-stream', [WIRE_HEADER]: next },
      body: `retry: 500\n\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`,
    });
  });
  let streams = 0;
  page.on('request', (request) => void (request.url().endsWith('/-/pushboard/events') && streams++));
  await page.goto(app.url);
  const banner = page.getByRole('alert', { name: 'Pushboard was updated on the server: reload this page' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`version ${next}`);
  // It stopped following: no reconnecting to a server it cannot read.
  await page.waitForTimeout(1500);
  expect(streams).toBe(1);

  // Reload gets this build's page again, which now reads the server.
  await page.unroute('**/-/pushboard/events');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(article(page, '{job="wire", instance="a"}')).toBeVisible();
  await expect(banner).toHaveCount(0);
});
