import { createServer } from 'node:http';
import { article, expect, test } from './fixtures';

test('a stopped gateway raises one alert, keeps the last data visible as stale, and recovers', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'nightly', instance: 'n1' }, 'done 1\n');
  await page.goto(app.url);
  await expect(article(page, '{job="nightly", instance="n1"}')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await gateway.stop();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('Cannot load data from the Pushgateway.');
  await expect(alert).toContainText(/could not reach the Pushgateway at .*ECONNREFUSED/);
  await expect(alert).toContainText(/Last successful update: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await expect(article(page, '{job="nightly", instance="n1"}')).toBeVisible();
  await expect(page.getByText('Out of date: showing the data last received.')).toBeVisible();

  await gateway.start();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Out of date: showing the data last received.')).toHaveCount(0);
  await expect(article(page, '{job="nightly", instance="n1"}')).toBeVisible();
});

test('something that is not a gateway answering gives a clear alert, not a blank page', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  await pushGroup({ job: 'kept' }, 'm 1\n');
  await page.goto(app.url);
  await expect(article(page, '{job="kept"}')).toBeVisible();

  // A misconfigured proxy answering HTML where the gateway should be.
  await gateway.stop();
  const impostor = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><body>Welcome to nginx!</body></html>');
  });
  await new Promise<void>((resolve) => impostor.listen(gateway.port, '127.0.0.1', resolve));
  try {
    await expect(page.getByRole('alert')).toContainText('is not valid JSON');
    await expect(page.getByRole('alert')).toContainText('Welcome to nginx!');
    await expect(article(page, '{job="kept"}')).toBeVisible();
  } finally {
    await new Promise((resolve) => impostor.close(resolve));
  }
});

test('a group with a family named "labels" is shown as malformed while the others display @both-gateways', async ({
  page,
  app,
  pushGroup,
}) => {
  await pushGroup({ job: 'fine', instance: 'a' }, 'ok 1\n');
  await pushGroup({ job: 'weird' }, 'labels 1\n');
  await page.goto(app.url);
  await expect(article(page, '{job="fine", instance="a"}')).toBeVisible();
  const weird = article(page, '{job="weird"}');
  await expect(weird).toContainText('Malformed group');
  await expect(weird).toContainText('A pushed metric family named "labels" overwrote');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// Served by the Pushboard server, the page follows the server's stream and never asks the gateway
// for its metrics itself; the server's failures must read like the gateway's own.
test.describe('the first load', () => {
  test('comes from the server, not from a fetch of the gateway by the page', async ({ page, app, pushGroup }) => {
    await pushGroup({ job: 'first', instance: 'f1' }, 'm 1\n');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/api/v1/metrics')) asked.push(request.url());
    });
    await page.goto(app.url);
    await expect(article(page, '{job="first", instance="f1"}')).toBeVisible();
    expect(asked).toEqual([]);
  });

  for (const [what, status, body, expected] of [
    [
      'HTML instead of JSON',
      200,
      '<html><body>Welcome to nginx!</body></html>',
      /is not valid JSON.*Welcome to nginx!/,
    ],
    ['an error status', 503, 'maintenance until noon', /The gateway answered 503.*maintenance until noon/],
  ] as const) {
    test(`that gets ${what} says so plainly`, async ({ page, app, gateway }) => {
      await gateway.stop();
      const impostor = createServer((_req, res) => {
        res.writeHead(status, { 'Content-Type': 'text/html' });
        res.end(body);
      });
      await new Promise<void>((resolve) => impostor.listen(gateway.port, '127.0.0.1', resolve));
      try {
        await page.goto(app.url);
        await expect(page.getByRole('alert')).toContainText(expected);
        await expect(page.getByRole('article')).toHaveCount(0);
      } finally {
        await new Promise((resolve) => impostor.close(resolve));
      }
    });
  }
});
