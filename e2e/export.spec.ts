/**
 * Export what you see: the page's export of a filtered view holds exactly the groups it shows, as
 * the gateway holds them (hostile labels included), and the server's `-/pushboard/export` gives
 * the same file, streamed, and refuses other sites.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { send } from './raw-http';

const SCRIPT = '</script><script>window.__pwned=1</script>';
const GROUPS: Array<{ labels: Record<string, string>; body: string }> = [
  {
    labels: { job: 'exp', instance: 'a,b "q"\nline' },
    body: `# HELP m Hostile, "quoted".\n# TYPE m gauge\nm{v="${SCRIPT.replace(/"/g, '\\"')}"} 1\n`,
  },
  { labels: { job: '=cmd|calc', instance: '@x' }, body: '# TYPE m gauge\nm{v="-2+3"} -5\n' },
  {
    labels: { job: 'exp', instance: 'h' },
    body: '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n',
  },
  { labels: { job: 'other' }, body: '# TYPE m gauge\nm 1\n' },
];
const FILTER = 'job!="other"';
const SHOWN = GROUPS.filter((g) => g.labels.job !== 'other');

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      endCell();
    } else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

/** Picks a format in the Export menu and returns the downloaded file's name and text. */
async function exportAs(page: Page, format: RegExp): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page
    .getByRole('group', { name: /Export the/ })
    .getByRole('button', { name: format })
    .click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

const key = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

test('the export of a filtered view holds exactly the groups shown, as the gateway holds them @both-gateways', async ({
  page,
  app,
  gateway,
  pushGroup,
}) => {
  for (const g of GROUPS) await pushGroup(g.labels, g.body);
  await page.goto(`${app.url}?q=${encodeURIComponent(FILTER)}`);
  await expect(page.getByText(`Showing ${SHOWN.length} of ${GROUPS.length} groups.`)).toBeVisible();

  // JSON: the gateway's own data shape, group for group.
  const json = await exportAs(page, /JSON/);
  const host = new URL(gateway.url).host.replace(':', '_');
  expect(json.name).toMatch(new RegExp(`^pushboard-${host}-\\d{8}T\\d{6}Z\\.json$`));
  const exported = JSON.parse(json.text) as Array<Record<string, unknown> & { labels: Record<string, string> }>;
  const held = (await gateway.groups()).filter((g) => g.labels.job !== 'other');
  expect(exported.map((g) => key(g.labels)).sort()).toEqual(SHOWN.map((g) => key(g.labels)).sort());
  for (const group of exported) {
    const truth = held.find((g) => key(g.labels) === key(group.labels))!;
    const { push_time_seconds: pushed, push_failure_time_seconds: failed, ...families } = group;
    const { push_time_seconds: truePushed, push_failure_time_seconds: trueFailed, ...trueFamilies } = truth;
    expect(families).toEqual(trueFamilies);
    const value = (f: unknown) => Number((f as { metrics: Array<{ value: string }> }).metrics[0]!.value);
    expect(value(pushed)).toBe(value(truePushed));
    expect(value(failed)).toBe(value(trueFailed));
  }

  // CSV: one row per sample, the hostile cells quoted and neutralised.
  const csv = await exportAs(page, /CSV/);
  expect(csv.name).toMatch(/\.csv$/);
  const [header, ...rows] = parseCsv(csv.text);
  expect(header).toEqual([
    'gateway',
    'job',
    'grouping_labels',
    'metric',
    'type',
    'sample_labels',
    'value',
    'last_push',
  ]);
  const pushedAt = (labels: Record<string, string>) =>
    new Date(
      Number(
        (held.find((g) => key(g.labels) === key(labels))!.push_time_seconds as { metrics: Array<{ value: string }> })
          .metrics[0]!.value,
      ) * 1000,
    ).toISOString();
  const gw = host.replace('_', ':');
  const hostile = `v="${SCRIPT.replace(/"/g, '\\"')}"`;
  // In the page's order: by job ("=cmd|calc" sorts before "exp"), then by instance.
  expect(rows).toEqual([
    [gw, "'=cmd|calc", 'instance="@x"', 'm', 'GAUGE', 'v="-2+3"', '-5', pushedAt(GROUPS[1]!.labels)],
    [gw, 'exp', 'instance="a,b \\"q\\"\\nline"', 'm', 'GAUGE', hostile, '1', pushedAt(GROUPS[0]!.labels)],
    ...['h_bucket', 'h_bucket', 'h_sum', 'h_count'].map((metric, i) => [
      gw,
      'exp',
      'instance="h"',
      metric,
      'HISTOGRAM',
      ['le="1"', 'le="+Inf"', '', ''][i]!,
      ['1', '2', '3', '2'][i]!,
      pushedAt(GROUPS[2]!.labels),
    ]),
  ]);

  // Prometheus text: each family once, every group's samples with their full labels.
  const text = await exportAs(page, /text format/);
  expect(text.name).toMatch(/\.prom$/);
  expect(text.text).toContain('# HELP m Hostile, "quoted".\n# TYPE m gauge\n');
  expect(text.text).toContain('m{instance="@x",job="=cmd|calc",v="-2+3"} -5\n');
  expect(text.text).toContain(`m{instance="a,b \\"q\\"\\nline",job="exp",v="${SCRIPT.replace(/"/g, '\\"')}"} 1\n`);
  expect(text.text).not.toContain('job="other"');
  expect((text.text.match(/# TYPE m /g) ?? []).length).toBe(1);

  // The server's export of the same filter is the same file; nothing pushed ran in the page.
  const port = Number(new URL(app.url).port);
  const answer = await send(port, 'GET', `/-/pushboard/export?format=csv&q=${encodeURIComponent(FILTER)}`);
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(answer.headers['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="pushboard-${host}-\\d{8}T\\d{6}Z\\.csv"$`),
  );
  expect(answer.headers['transfer-encoding']).toBe('chunked');
  expect(Buffer.from(dechunk(answer.body), 'latin1').toString('utf8')).toBe(csv.text);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

/** A chunked body (as rawRequest reads it, latin1) put back together. */
function dechunk(body: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const end = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, end), 16);
    if (!size) return out;
    out += body.slice(end + 2, end + 2 + size);
    at = end + 2 + size + 2;
  }
}

test('the server export answers scripts, and refuses other sites and bad requests', async ({ app, pushGroup }) => {
  await pushGroup({ job: 'a' }, 'm 1\n');
  const port = Number(new URL(app.url).port);
  const get = (target: string, headers: Record<string, string> = {}) => send(port, 'GET', target, { headers });
  const ok = await get('/-/pushboard/export?format=json', { 'Sec-Fetch-Site': 'none' });
  expect(ok.status).toBe(200);
  expect(JSON.parse(dechunk(ok.body))).toHaveLength(1);

  const crossSite: Array<Record<string, string>> = [
    { 'Sec-Fetch-Site': 'cross-site' },
    { 'Sec-Fetch-Site': 'same-site' },
    { Origin: 'https://evil.example' },
  ];
  for (const headers of crossSite) {
    const refused = await get('/-/pushboard/export?format=csv', headers);
    // Refused by the gate in front of all the dashboard's data (Sec-Fetch-Site) or by the export's
    // own check (a foreign Origin): either way a sentence, and no group.
    expect(refused.status, JSON.stringify(headers)).toBe(403);
    expect(refused.body).toMatch(/Cross-site (exports are|requests for the dashboard's data are) refused\./);
    expect(refused.body).not.toContain('"job"');
  }
  const badFormat = await get('/-/pushboard/export?format=xlsx');
  expect(badFormat.status).toBe(400);
  expect(badFormat.body).toContain('format must be one of json, csv, text');
  const badFilter = await get(`/-/pushboard/export?format=csv&q=${encodeURIComponent('{job="a"')}`);
  expect(badFilter.status).toBe(400);
  expect(badFilter.body).toContain('The filter q is not valid');
  expect(badFilter.headers['content-security-policy']).toContain("default-src 'self'");
});
