/**
 * Refresh now, following the Pushboard server's stream: the page shows the server's interval and
 * asks the server to poll (POST -/pushboard/refresh). That request changes nothing on the gateway,
 * so a read-only server accepts it, but it is refused cross-site like every other POST; raw
 * requests check both against a real gateway, counting its reads by its own counter.
 */
import { article, expect, test } from './fixtures';
import { send } from './raw-http';

const portOf = (url: string) => Number(new URL(url).port);
const REFRESH = '/-/pushboard/refresh';

/**
 * The server reads the gateway once as it starts, to keep its push history with nobody watching:
 * one refresh answered (204 comes after its poll) means that read is done too, so the counts below
 * see only what each request causes.
 */
async function settled(port: number) {
  expect((await send(port, 'POST', REFRESH)).status).toBe(204);
}

test.describe('a read-only server', () => {
  test.use({ appOptions: { readOnly: true } });

  test('polls the gateway once on a same-origin POST refresh, and answers 204 after it', async ({ app, gateway }) => {
    const port = portOf(app.url);
    const variants: Array<Record<string, string>> = [
      { 'Sec-Fetch-Site': 'same-origin' },
      { Origin: `http://127.0.0.1:${port}` },
      {},
    ];
    await settled(port);
    for (const headers of variants) {
      const before = await gateway.metricsReads();
      const response = await send(port, 'POST', REFRESH, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(204);
      expect(await gateway.metricsReads()).toBe(before + 1);
    }
  });

  test('refuses it cross-site, and every method but POST', async ({ app, gateway }) => {
    const port = portOf(app.url);
    await settled(port);
    const before = await gateway.metricsReads();
    const variants: Array<Record<string, string>> = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'http://evil.example' },
    ];
    for (const headers of variants) {
      const response = await send(port, 'POST', REFRESH, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.body).toContain('Cross-site');
    }
    const get = await send(port, 'GET', REFRESH);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await send(port, 'HEAD', REFRESH)).status).toBe(405);
    expect((await send(port, 'PUT', REFRESH)).status).toBe(403);
    expect(await gateway.metricsReads()).toBe(before);
  });
});

test('ten rapid refreshes cost the gateway at most two reads', async ({ app, gateway }) => {
  const port = portOf(app.url);
  const before = await gateway.metricsReads();
  const answers = await Promise.all(Array.from({ length: 10 }, () => send(port, 'POST', REFRESH)));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204));
  const reads = (await gateway.metricsReads()) - before;
  expect(reads).toBeGreaterThanOrEqual(1);
  expect(reads).toBeLessThanOrEqual(2);
});

test.describe('with a server polling once a minute', () => {
  test.use({ appOptions: { pollIntervalMs: 60_000 } });

  test('the controls show the server’s interval, and Refresh now shows a new push at once', async ({
    page,
    app,
    pushGroup,
  }) => {
    await pushGroup({ job: 'refresh', instance: 'a' }, 'm 1\n');
    await page.goto(app.url);
    await expect(article(page, '{job="refresh", instance="a"}')).toBeVisible();
    await expect(page.getByText('Server polls every 1 min')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Refresh every' })).toHaveCount(0);

    await pushGroup({ job: 'refresh', instance: 'b' }, 'm 1\n');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    // Well within the minute the server would otherwise wait.
    await expect(article(page, '{job="refresh", instance="b"}')).toBeVisible({ timeout: 15_000 });

    // Paused, the page applies nothing from the stream, but Refresh now still brings the news.
    await page.getByRole('button', { name: 'Pause polling' }).click();
    await pushGroup({ job: 'refresh', instance: 'c' }, 'm 1\n');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(article(page, '{job="refresh", instance="c"}')).toBeVisible({ timeout: 15_000 });
  });
});
