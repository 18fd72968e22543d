/**
 * Crafted push bodies for the push check's truth tables (e2e/push-check.spec.ts on both gateway
 * versions, e2e/push-check-utf8.spec.ts on 1.11+): each is checked by Pushboard and then pushed to
 * a scratch gateway, and the two must agree. `setup` is pushed first (accepted); `varies` where the
 * gateway's wording depends on Go map order (which of two clashing families it meets first).
 */
import { expect } from './fixtures';
import { groupPath } from '../core/group-path.js';
import { push } from '../scripts/push.js';
import type { TestApp, TestGateway } from './harness';

export interface PushCase {
  name: string;
  labels: Record<string, string>;
  /** The push path after `metrics/`, when not the grouping key's own (`job@base64/…`, `U__…`). */
  path?: string;
  body: string;
  setup?: Array<{ labels: Record<string, string>; body: string }>;
  method?: 'PUT' | 'POST';
  varies?: boolean;
}

const other = { labels: { job: 'other' }, body: '# TYPE shared gauge\n# HELP shared The one.\nshared 1\n' };
const histogram = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n';
const summary = '# TYPE s summary\ns{quantile="0.5"} 1\ns_sum 1\ns_count 1\n';

export const PUSH_CASES: PushCase[] = [
  { name: 'a plain gauge', labels: { job: 'a' }, body: '# TYPE g gauge\ng 1\n' },
  { name: 'a histogram and a summary', labels: { job: 'a' }, body: histogram + summary },
  {
    name: 'a type clash with another group',
    labels: { job: 'a' },
    body: '# TYPE shared counter\nshared 1\n',
    setup: [other],
    varies: true,
  },
  {
    name: 'a HELP clash with another group',
    labels: { job: 'a' },
    body: '# TYPE shared gauge\n# HELP shared Another.\nshared 1\n',
    setup: [other],
  },
  {
    name: "a HELP clash with the gateway's own metric",
    labels: { job: 'a' },
    body: '# HELP go_goroutines Mine.\n# TYPE go_goroutines gauge\ngo_goroutines 1\n',
  },
  { name: 'the same series twice', labels: { job: 'a' }, body: 'd{x="1"} 1\nd{x="1"} 2\n' },
  { name: 'a timestamp', labels: { job: 'a' }, body: 't 1 1700000000000\n' },
  { name: 'a body job label', labels: { job: 'a' }, body: 'j{job="b"} 1\n' },
  { name: 'two body job labels made the same series', labels: { job: 'a' }, body: 'j{job="b"} 1\nj{job="c"} 2\n' },
  {
    name: "a body instance label that is another group's series",
    labels: { job: 'a' },
    body: 'shared{instance="i"} 1\n',
    setup: [{ labels: { job: 'a', instance: 'i' }, body: '# TYPE shared untyped\nshared 1\n' }],
  },
  { name: 'an invalid metric name', labels: { job: 'a' }, body: 'bad-name 1\n' },
  { name: 'a label name starting with __', labels: { job: 'a' }, body: 'm{__x="1"} 1\n' },
  { name: 'a label name with a dash', labels: { job: 'a' }, body: 'm{a-b="1"} 1\n' },
  { name: 'an escaped newline in a label value and a NaN', labels: { job: 'a' }, body: 'm{l="x\\ny"} NaN\n' },
  { name: 'no final newline', labels: { job: 'a' }, body: 'm 1' },
  { name: 'a CRLF line end', labels: { job: 'a' }, body: 'm 1\r\n' },
  { name: 'a second TYPE line', labels: { job: 'a' }, body: '# TYPE m gauge\n# TYPE m counter\nm 1\n' },
  { name: 'an unknown type', labels: { job: 'a' }, body: '# TYPE m thing\nm 1\n' },
  { name: 'a value that is not a number', labels: { job: 'a' }, body: 'm one\n' },
  { name: 'a HELP with an escaped quote', labels: { job: 'a' }, body: '# HELP m say \\"hi\\"\nm 1\n' },
  {
    name: "a type clash with the gateway's own metric",
    labels: { job: 'a' },
    body: '# TYPE go_goroutines counter\ngo_goroutines 1\n',
  },
  {
    name: "a name colliding with the gateway's own summary",
    labels: { job: 'a' },
    body: 'go_gc_duration_seconds_count 1\n',
  },
  {
    name: "a gauge named like another group's histogram count",
    labels: { job: 'a' },
    body: 'h_count 1\n',
    setup: [{ labels: { job: 'other' }, body: histogram }],
    varies: true,
  },
  {
    name: "a gauge named like another group's summary sum",
    labels: { job: 'a' },
    body: '# TYPE s_sum gauge\ns_sum 1\n',
    setup: [{ labels: { job: 'other' }, body: summary }],
    varies: true,
  },
  {
    name: 'a POST that retypes a family its group holds',
    labels: { job: 'a' },
    method: 'POST',
    body: '# TYPE p counter\np 1\n',
    setup: [{ labels: { job: 'a' }, body: '# TYPE p gauge\np 1\n' }],
  },
  {
    name: 'a job given in base64 (a slash in it)',
    labels: { job: '/var/log' },
    path: 'job@base64/L3Zhci9sb2c',
    body: 'm 1\n',
  },
];

const key = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

/**
 * Checks a case with Pushboard, then pushes it to the scratch gateway: the verdict must be the
 * gateway's answer (its words, where it answers and its wording is stable), and a refusal of the
 * consistency check must leave the group marked failed, as the verdict's note says.
 */
export async function compareWithGateway(c: PushCase, gateway: TestGateway, app: TestApp): Promise<void> {
  for (const s of c.setup ?? []) expect((await push(gateway.url, s.labels, s.body)).status).toBeLessThan(300);
  const method = c.method ?? 'PUT';
  const path = c.path ? `metrics/${c.path}` : groupPath(c.labels);
  const check = await fetch(new URL(`-/pushboard/check/${path}?method=${method}`, app.url), {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; version=0.0.4' },
    body: c.body,
  });
  expect(check.headers.get('content-type')).toContain('application/json');
  const verdict = (await check.json()) as { accepted: boolean; answer: string; groupingKey: Record<string, string> };
  const truth = await fetch(new URL(path, gateway.url), {
    method,
    headers: { 'Content-Type': 'text/plain; version=0.0.4' },
    body: c.body,
  })
    .then(async (r) => ({ status: r.status, text: (await r.text()).trim() }))
    .catch(() => ({ status: 0, text: '' }));
  const accepted = truth.status >= 200 && truth.status < 300;
  expect(check.status, verdict.answer).toBe(accepted ? 200 : 422);
  expect(verdict.accepted).toBe(accepted);
  const squeeze = (s: string) => s.replace(/ +/g, ' ');
  if (truth.status >= 400 && !c.varies) expect(squeeze(verdict.answer)).toBe(squeeze(truth.text));
  if (accepted || verdict.answer.startsWith('pushed metrics are invalid or inconsistent')) {
    expect(verdict.groupingKey).toEqual(c.labels);
    await expect
      .poll(async () => (await gateway.groups()).find((g) => key(g.labels) === key(c.labels))?.last_push_successful)
      .toBe(accepted);
  }
}
