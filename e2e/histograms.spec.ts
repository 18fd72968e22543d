import { readFileSync, writeFileSync } from 'node:fs';
import { HISTOGRAM_PUSHES } from '../src/gateway/fixtures/histogram-pushes';
import type { Locator } from '@playwright/test';
import { article, expect, test } from './fixtures';

/** The recorded answer of each gateway build for HISTOGRAM_PUSHES (the model's unit tests read it). */
const fixture = (version: string) => `src/gateway/fixtures/api-v1-metrics-${version}-histograms.json`;

test('native, classic+native and float histograms pushed over protobuf: what the gateway holds, and what we show', async ({
  page,
  app,
  gateway,
  gatewayBuild,
  pushProtobuf,
}) => {
  test.slow(); // six pushes and five groups opened one by one
  for (const { labels, families } of HISTOGRAM_PUSHES) await pushProtobuf(labels, families);
  const held = await gateway.stableGroups();
  // PUSHBOARD_RECORD=1 records a new answer; otherwise the gateway must still answer as recorded.
  if (process.env.PUSHBOARD_RECORD) writeFileSync(fixture(gatewayBuild.version), JSON.stringify(held, null, 2) + '\n');
  expect(held).toEqual(JSON.parse(readFileSync(fixture(gatewayBuild.version), 'utf8')));

  await page.goto(app.url);
  // One group at a time on screen (the filter box takes the selector itself), expanded.
  const expand = async (selector: string) => {
    await page.getByRole('searchbox', { name: 'Filter groups' }).fill(selector);
    await expect(page.getByRole('article')).toHaveCount(1);
    const group = article(page, selector);
    await group.getByRole('button', { name: /famil/ }).click();
    return group;
  };
  // One column per bucket: its bound(s) above, the observations in it alone below (and, classic, the cumulative count).
  const table = (group: Locator, caption: string) => group.getByRole('table', { name: caption });
  const heads = (group: Locator, caption: string) => table(group, caption).getByRole('columnheader');
  const row = (group: Locator, caption: string, name: string) =>
    table(group, caption).getByRole('row', { name }).getByRole('cell');
  const newer = gatewayBuild.newer;

  let group = await expand('{job="native", instance="integer"}');
  if (newer) {
    const caption = 'Native histogram buckets of request_seconds';
    await expect(heads(group, caption)).toHaveText([
      '[-2, -1)',
      '[-1, -0.5)',
      '[-0.001, 0.001]',
      '(0.25, 0.5]',
      '(0.5, 1]',
      '(4, 8]',
    ]);
    await expect(row(group, caption, 'In bucket')).toHaveText(['3', '1', '2', '4', '3', '3']);
    // As Prometheus estimates them (exponential within a bucket), worked out by hand: from the top,
    // p50's rank 8.5 is 1.5 of the 4 in (0.25, 0.5]: 2^(-2 + 1.5/4); p90's rank 1.7 is 1.3 of the
    // 3 in (4, 8]: 2^(2 + 1.3/3); p99's rank 0.17 is 2.83 of them: 2^(2 + 2.83/3).
    await expect(group).toContainText(/avg\s*0\.735294/);
    await expect(group).toContainText(/p50\s*0\.32421(?!\d)/);
    await expect(group).toContainText(/p90\s*5\.4014(?!\d)/);
    await expect(group).toContainText(/p99\s*7\.6919(?!\d)/);
  } else {
    // 1.5.1 does not know native buckets: it keeps the count and sum only.
    await expect(group).toContainText('count 17');
    await expect(group).toContainText(
      'No buckets: gateways before 1.8 return a native histogram like this, with its count and sum only.',
    );
  }

  group = await expand('{job="native", instance="classic-and-native"}');
  if (newer) {
    await expect(heads(group, 'Native histogram buckets of payload_bytes')).toHaveCount(3);
    await expect(group).toContainText(
      'if this histogram has classic buckets too, the gateway (1.10 and newer) does not show them',
    );
  } else {
    await expect(heads(group, 'Buckets of payload_bytes')).toHaveText(['100', '1000', '+Inf']);
    await expect(row(group, 'Buckets of payload_bytes', 'Cumulative')).toHaveText(['2', '5', '6']);
    await expect(row(group, 'Buckets of payload_bytes', 'In bucket')).toHaveText(['2', '3', '1']);
  }

  group = await expand('{job="float", instance="native"}');
  if (newer) {
    const caption = 'Native histogram buckets of weights';
    await expect(heads(group, caption)).toHaveText([
      '[-1.189207115002721, -1)',
      '[-0.5, 0.5]',
      '(1.189207115002721, 1.414213562373095]',
      '(1.414213562373095, 1.6817928305074288]',
    ]);
    await expect(row(group, caption, 'In bucket')).toHaveText(['1.5', '0.25', '2.5', '2.5']);
    await expect(group).toContainText('count 6.75');
  } else {
    await expect(group).toContainText('No buckets.');
  }

  group = await expand('{job="float", instance="classic"}');
  // 1.5.1 does not know float counts either: it shows them as 0.
  await expect(heads(group, 'Buckets of ratios')).toHaveText(['0.25', '1', '+Inf']);
  await expect(row(group, 'Buckets of ratios', 'Cumulative')).toHaveText(
    newer ? ['0.5', '2.5', '3.5'] : ['0', '0', '0'],
  );
  await expect(row(group, 'Buckets of ratios', 'In bucket')).toHaveText(newer ? ['0.5', '2', '1'] : ['0', '0', '0']);

  group = await expand('{job="native", instance="empty-span"}');
  await expect(group).toContainText(newer ? 'No observations in any bucket.' : 'No buckets.');
});
