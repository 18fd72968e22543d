/**
 * The client libraries that push to gateways in production, each with its own push and delete
 * calls and its quirks: Pushboard shows exactly the labels the gateway stored, deletes exactly
 * the group (nothing of it left, the others untouched) and Undo restores exactly what the
 * gateway held, compared field by field in the gateway's `/metrics` in protobuf.
 */
import type { Page } from '@playwright/test';
import client from 'prom-client';
import { article, expect, test } from './fixtures';
import type { TestGateway } from './harness';
import { buildGoPusher, ofGroup, pushedSeries, runGo, runPython } from './clients/clients';

/** Deletes one group in the page, checks the gateway holds exactly the rest, Undoes, checks it holds all again. */
async function deleteAndUndo(page: Page, gateway: TestGateway, selector: string, labels: Record<string, string>) {
  const before = await pushedSeries(gateway.url);
  const own = before.filter((s) => ofGroup(s, labels));
  expect(own.length, `the gateway holds ${selector}`).toBeGreaterThan(0);

  await article(page, selector).getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Undo is offered for 20 seconds');
  await expect(dialog.getByRole('note', { name: 'What Undo cannot restore' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => pushedSeries(gateway.url)).toEqual(before.filter((s) => !ofGroup(s, labels)));
  await expect(article(page, selector)).toHaveCount(0);

  await page
    .getByRole('status')
    .getByRole('button', { name: /^Undo delete of/ })
    .click();
  const restored = page.getByRole('status').filter({ hasText: `Restored ${selector}.` });
  await expect(restored).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await pushedSeries(gateway.url)).toEqual(before);
  await expect(article(page, selector)).toBeVisible();
  // Out of the way of the next group's buttons, as a person would put it.
  await restored.getByRole('button', { name: 'Dismiss' }).click();
}

/** The grouping keys the gateway holds, as its API reports them. */
const heldKeys = async (gateway: TestGateway) => (await gateway.groups()).map((g) => g.labels);

const PYTHON_PUSH = `
import sys
from prometheus_client import (CollectorRegistry, Counter, Enum, Gauge, Histogram, Info, Summary,
    push_to_gateway, pushadd_to_gateway)
r = CollectorRegistry()
Counter('py_jobs', 'Jobs done.', ['queue'], registry=r).labels('mail').inc(2)
Gauge('py_last_success_seconds', 'Last success.', registry=r).set(1.7e9)
h = Histogram('py_latency_seconds', 'Latency.', buckets=(0.1, 1, 2.5), registry=r)
for v in (0.05, 0.5, 0.7, 3): h.observe(v)
Summary('py_size_bytes', 'Size.', registry=r).observe(3)
Info('py_build', 'Build info.', registry=r).info({'version': '1.2 beta', 'branch': 'main'})
Enum('py_state', 'State.', states=['starting', 'running'], registry=r).state('running')
# A space is sent as "+", a value with "/" in base64, an empty value as "@base64/=".
push_to_gateway(sys.argv[1], job='py job', registry=r,
    grouping_key={'instance': 'db 1', 'path': '/var/lib', 'empty': ''})
pushadd_to_gateway(sys.argv[1], job='py-add', grouping_key={'instance': 'x'}, registry=r)
`;

test('Python prometheus_client: quirky grouping keys shown as stored, Info, Enum and _created restored exactly', async ({
  page,
  app,
  gateway,
}) => {
  await runPython(PYTHON_PUSH, gateway.url);
  const quirky = { job: 'py+job', instance: 'db+1', path: '/var/lib', empty: '' };
  expect(await heldKeys(gateway)).toEqual(expect.arrayContaining([quirky, { job: 'py-add', instance: 'x' }]));
  expect((await pushedSeries(gateway.url)).map((s) => s.family)).toEqual(
    expect.arrayContaining(['py_build_info', 'py_state', 'py_jobs_created', 'py_latency_seconds_created']),
  );

  await page.goto(app.url);
  const selector = '{job="py+job", empty="", instance="db+1", path="/var/lib"}';
  const card = article(page, selector);
  await expect(card).toBeVisible();
  // The quirk is named, the label left as stored.
  await expect(card.getByRole('note', { name: 'Client quirk' })).toContainText(
    'job="py+job", instance="db+1" hold "+" where a space was probably meant',
  );
  await expect(article(page, '{job="py-add", instance="x"}').getByRole('note', { name: 'Client quirk' })).toHaveCount(
    0,
  );
  await deleteAndUndo(page, gateway, selector, quirky);

  // The client's own delete: the group leaves the page, the other stays.
  await runPython(
    `import sys\nfrom prometheus_client import delete_from_gateway\ndelete_from_gateway(sys.argv[1], job='py job', grouping_key={'instance': 'db 1', 'path': '/var/lib', 'empty': ''})`,
    gateway.url,
  );
  await expect(card).toHaveCount(0);
  await expect(article(page, '{job="py-add", instance="x"}')).toBeVisible();
  expect(await heldKeys(gateway)).toEqual([{ job: 'py-add', instance: 'x' }]);
});

test('Node prom-client: push, pushAdd (gzipped too) and delete; spaces kept, restored exactly', async ({
  page,
  app,
  gateway,
}) => {
  const registry = new client.Registry();
  new client.Counter({ name: 'node_jobs_total', help: 'Jobs.', labelNames: ['queue'], registers: [registry] }).inc(
    { queue: 'mail' },
    2,
  );
  const latency = new client.Histogram({
    name: 'node_latency_seconds',
    help: 'Latency.',
    buckets: [0.1, 1],
    registers: [registry],
  });
  for (const v of [0.05, 0.5, 2]) latency.observe(v);
  new client.Summary({
    name: 'node_size_bytes',
    help: 'Sizes.',
    percentiles: [0.5, 0.9],
    registers: [registry],
  }).observe(3);
  const pusher = new client.Pushgateway(gateway.url, {}, registry);
  await pusher.push({ jobName: 'node job', groupings: { instance: 'eu west', empty: '' } });
  await pusher.pushAdd({ jobName: 'node-add', groupings: { plus: 'c+d' } });
  const gzipped = new client.Pushgateway(gateway.url, { headers: { 'Content-Encoding': 'gzip' } }, registry);
  await gzipped.pushAdd({ jobName: 'node-gzip' });
  expect(await heldKeys(gateway)).toEqual(
    expect.arrayContaining([
      { job: 'node job', instance: 'eu west', empty: '' },
      { job: 'node-add', plus: 'c+d' },
      { job: 'node-gzip' },
    ]),
  );

  await page.goto(app.url);
  const selector = '{job="node job", empty="", instance="eu west"}';
  await expect(article(page, selector)).toBeVisible();
  await expect(article(page, '{job="node-gzip"}')).toBeVisible();
  await deleteAndUndo(page, gateway, selector, { job: 'node job', instance: 'eu west' });
  await deleteAndUndo(page, gateway, '{job="node-gzip"}', { job: 'node-gzip' });

  await pusher.delete({ jobName: 'node-add', groupings: { plus: 'c+d' } });
  await expect(article(page, '{job="node-add", plus="c+d"}')).toHaveCount(0);
  expect(await heldKeys(gateway)).toHaveLength(2);
});

test.describe('Go', () => {
  // Compiling the pusher (only when its source changed since `scripts/setup.sh --test` built it).
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await buildGoPusher();
  });

  test('Go client_golang: delimited protobuf pushes, and a histogram with classic and native buckets restored whole', async ({
    page,
    app,
    gateway,
  }) => {
    await runGo(gateway.url, 'push', 'go job', { instance: 'a b' });
    await runGo(gateway.url, 'push', 'go-native', { path: '/x/y', empty: '' }, 'both');
    await runGo(gateway.url, 'add', 'go-add', {});
    expect(await heldKeys(gateway)).toEqual(
      expect.arrayContaining([
        { job: 'go+job', instance: 'a+b' },
        { job: 'go-native', path: '/x/y', empty: '' },
        { job: 'go-add' },
      ]),
    );

    await page.goto(app.url);
    const selector = '{job="go+job", instance="a+b"}';
    await expect(article(page, selector).getByRole('note', { name: 'Client quirk' })).toBeVisible();
    await deleteAndUndo(page, gateway, selector, { job: 'go+job', instance: 'a+b' });
    // Both halves of the histogram come back, whichever half the gateway's API shows.
    await deleteAndUndo(page, gateway, '{job="go-native", empty="", path="/x/y"}', {
      job: 'go-native',
      path: '/x/y',
    });

    await runGo(gateway.url, 'delete', 'go-add', {});
    await expect(article(page, '{job="go-add"}')).toHaveCount(0);
    expect(await heldKeys(gateway)).toHaveLength(2);
  });
});
