/**
 * Crafted push bodies for the push check's truth table (e2e/push-check.spec.ts): each is checked
 * by Pushboard and then pushed to a scratch gateway, and the two must agree. `setup` is pushed
 * first (accepted); `varies` where the gateway's wording depends on Go map order.
 */
export interface PushCase {
  name: string;
  labels: Record<string, string>;
  body: string;
  setup?: Array<{ labels: Record<string, string>; body: string }>;
  method?: 'PUT' | 'POST';
  varies?: boolean;
  /** Only on 1.11+. */
  newer?: boolean;
}

const other = { labels: { job: 'other' }, body: '# TYPE shared gauge\n# HELP shared The one.\nshared 1\n' };

export const PUSH_CASES: PushCase[] = [
  { name: 'a plain gauge', labels: { job: 'a' }, body: '# TYPE g gauge\ng 1\n' },
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
    setup: [{ labels: { job: 'other' }, body: '# TYPE h histogram\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n' }],
    varies: true,
  },
  { name: 'a quoted UTF-8 metric name', labels: { job: 'a' }, body: '{"my.metric"} 1\n', newer: true },
  { name: 'a quoted UTF-8 label name', labels: { job: 'a' }, body: 'm{"my.label"="x"} 1\n', newer: true },
];
