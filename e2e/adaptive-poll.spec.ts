/**
 * Without the Pushboard server (here: served by the gateway from --web.local-assets), the browser
 * polls the gateway itself and adapts: never faster than 10 × the last answer's time, and after a
 * 429 or 503 not before its Retry-After (or a doubling back-off). A proxy in front of the real
 * gateway slows or refuses its reads and counts them; the assertions are on those counts and the
 * gaps between reads, with margins, never on how fast the page is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareAssets } from '../scripts/gateway-assets.js';
import { article, expect, test } from './fixtures';
import { PacingProxy, type Read } from './pacing-proxy';

const assets = mkdtempSync(path.join(tmpdir(), 'pushboard-assets-'));
test.beforeAll(({ gatewayBuild }) => prepareAssets({ out: assets, from: gatewayBuild.assets, dist: 'dist' }));
test.use({ gatewayOptions: { localAssets: assets } });

let proxy: PacingProxy;
test.beforeEach(async ({ gateway }) => {
  proxy = await PacingProxy.start(gateway.url);
});
test.afterEach(() => proxy.stop());

const appUrl = () => new URL('static/pushboard/', proxy.url).href;
/** The time from each read to the next one. */
const gaps = (reads: Read[]) => reads.slice(1).map((r, i) => ({ after: reads[i]!, gap: r.at - reads[i]!.at }));

test('the refresh interval is selectable and remembered', async ({ page, pushGroup }) => {
  await pushGroup({ job: 'j' }, 'm 1\n');
  await page.goto(appUrl());
  const interval = page.getByRole('combobox', { name: 'Refresh every' });
  await expect(interval).toHaveValue('2000');
  await interval.selectOption({ label: '30 s' });
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Refresh every' })).toHaveValue('30000');
  await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible();
});

test('a slow gateway is polled at most every 10 × its answer time, and the controls say so', async ({
  page,
  pushGroup,
}) => {
  test.setTimeout(120_000);
  await pushGroup({ job: 'paced', instance: 'a' }, 'm 1\n');
  // The page polls every 2 s (the fixture's choice); each read now takes at least 0.5 s.
  proxy.delayMs = 500;
  await page.goto(appUrl());
  await expect(article(page, '{job="paced", instance="a"}')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Refresh every' })).toHaveValue('2000');
  const note = page.getByRole('status', { name: 'Polling pace' });
  await expect(note).toHaveText(/^Polling every \d+(\.\d)? s: the gateway took \d+(\.\d)? s to answer/);
  const shown = Number(/^Polling every (\d+(?:\.\d)?) s/.exec((await note.textContent()) ?? '')?.[1]);
  expect(shown).toBeGreaterThanOrEqual(5);

  const since = Date.now();
  await expect.poll(() => proxy.readsSince(since).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  // Each read takes ≥ 0.5 s, so the page waits ≥ 5 s after it: no two reads closer than that.
  for (const { gap } of gaps(proxy.readsSince(since))) expect(gap).toBeGreaterThanOrEqual(5_000);

  // One very slow answer (2 s) makes the next wait ≥ 20 s; Refresh now still reads at once.
  proxy.delayMs = 2_000;
  await expect(note).toHaveText(/^Polling every ([2-9]\d|1\d\d) s/, { timeout: 30_000 });
  proxy.delayMs = 0;
  const clicked = Date.now();
  await pushGroup({ job: 'paced', instance: 'b' }, 'm 1\n');
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(article(page, '{job="paced", instance="b"}')).toBeVisible();
  expect(proxy.readsSince(clicked)).toHaveLength(1);
  // That quick answer brings the chosen interval back.
  await expect(note).toHaveCount(0);
});

test('a 429 or 503 is waited out as its Retry-After asks, or backed off, and polling recovers', async ({
  page,
  pushGroup,
}) => {
  test.setTimeout(120_000);
  await pushGroup({ job: 'limited', instance: 'a' }, 'm 1\n');
  await page.goto(appUrl());
  const first = article(page, '{job="limited", instance="a"}');
  await expect(first).toBeVisible();
  const alert = page.getByRole('alert');
  const refused = (status: number) => proxy.reads.filter((r) => r.status === status).length;

  proxy.refusal = { status: 429, retryAfter: '3' };
  await expect(alert).toContainText('The gateway asked us to slow down (429 Too Many Requests).');
  await expect(alert).toContainText(/Next try in \d+(\.\d)? s \(at [^)]+\).*Retry-After asked/);
  // Going to another page and back does not read early either (checked with the gaps below).
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByRole('heading', { name: 'Gateway status' })).toBeVisible();
  await nav.getByRole('link', { name: 'Groups' }).click();
  await expect(alert).toContainText('The gateway asked us to slow down (429 Too Many Requests).');
  await expect.poll(() => refused(429), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect(first).toBeVisible();

  proxy.refusal = { status: 503, retryAfter: '3' };
  await expect(alert).toContainText('The gateway is unavailable for now (503 Service Unavailable).');
  await expect.poll(() => refused(503), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect(first).toBeVisible();

  proxy.refusal = undefined;
  await expect(alert).toHaveCount(0, { timeout: 20_000 });

  // Without Retry-After: twice the chosen 2 s, then twice that.
  const backoffFrom = Date.now();
  proxy.refusal = { status: 503 };
  await expect(alert).toContainText('Next try in 4 s');
  await expect(alert).toContainText('it sent no Retry-After, so Pushboard doubles its wait');
  await expect(alert).toContainText('Next try in 8 s', { timeout: 20_000 });
  proxy.refusal = undefined;
  await pushGroup({ job: 'limited', instance: 'b' }, 'm 1\n');
  await expect(article(page, '{job="limited", instance="b"}')).toBeVisible({ timeout: 20_000 });
  await expect(alert).toHaveCount(0);
  await expect(first).toBeVisible();

  // No read came before the wait that its refusal asked for.
  for (const { after, gap } of gaps(proxy.reads)) {
    if (after.retryAfter === '3') expect(gap, 'after a Retry-After: 3').toBeGreaterThanOrEqual(3_000);
  }
  const backoff = gaps(proxy.readsSince(backoffFrom)).filter(({ after }) => after.status === 503);
  expect(backoff.map(({ gap }) => gap >= 4_000)).toEqual([true, true]);
  expect(backoff[1]!.gap).toBeGreaterThanOrEqual(8_000);
});
