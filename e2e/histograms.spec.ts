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
  const rows = (group: Locator, caption: string) => group.getByRole('table', { name: caption }).getByRole('row');
  const newer = gatewayBuild.newer;

  let group = await expand('{job="native", instance="integer"}');
  if (newer) {
    await expect(rows(group, 'Native histogram buckets of request_seconds')).toHaveText([
      'BucketCount',
      '[-2, -1)3',
      '[-1, -0.5)1',
      '[-0.001, 0.001]2',
      '(0.25, 0.5]4',
      '(0.5, 1]3',
      '(4, 8]3',
    ]);
  } else {
    // 1.5.1 does not know native buckets: it keeps the count and sum only.
    await expect(group).toContainText('count 17');
    await expect(group).toContainText(
      'No buckets: gateways before 1.8 return a native histogram like this, with its count and sum only.',
    );
  }

  group = await expand('{job="native", instance="classic-and-native"}');
  if (newer) {
    await expect(rows(group, 'Native histogram buckets of payload_bytes')).toHaveCount(4);
    await expect(group).toContainText(
      'if this histogram has classic buckets too, the gateway (1.10 and newer) does not show them',
    );
  } else {
    await expect(rows(group, 'Buckets of payload_bytes')).toHaveText(['leCumulative count', '1002', '10005', '+Inf6']);
  }

  group = await expand('{job="float", instance="native"}');
  if (newer) {
    await expect(rows(group, 'Native histogram buckets of weights')).toHaveText([
      'BucketCount',
      '[-1.189207115002721, -1)1.5',
      '[-0.5, 0.5]0.25',
      '(1.189207115002721, 1.414213562373095]2.5',
      '(1.414213562373095, 1.6817928305074288]2.5',
    ]);
    await expect(group).toContainText('count 6.75');
  } else {
    await expect(group).toContainText('No buckets.');
  }

  group = await expand('{job="float", instance="classic"}');
  // 1.5.1 does not know float counts either: it shows them as 0.
  await expect(rows(group, 'Buckets of ratios')).toHaveText(
    newer ? ['leCumulative count', '0.250.5', '12.5', '+Inf3.5'] : ['leCumulative count', '0.250', '10', '+Inf0'],
  );

  group = await expand('{job="native", instance="empty-span"}');
  await expect(group).toContainText(newer ? 'No observations in any bucket.' : 'No buckets.');
});
