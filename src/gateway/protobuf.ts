/**
 * Metric families in the Prometheus protobuf format, length-delimited: the only format a native
 * histogram can be pushed in (`Content-Type: application/vnd.google.protobuf;
 * proto=io.prometheus.client.MetricFamily; encoding=delimited`). Used by Undo and by the tests.
 *
 * The messages mirror `metrics.proto` (snake_case names, field numbers in the comments of the
 * writers). protobufjs' Writer does the wire format; the encoding is spelled out here because a
 * reflection encoder compiles code at run time, which the app's Content-Security-Policy forbids.
 * Fields are written in field-number order, as protobufjs' reflection encoder does, so the unit
 * test can compare bytes with it.
 */
// Only protobufjs' Writer: its minimal build would bring the Reader, RPC and long.js as well,
// 6 kB of the page's JavaScript that nothing here uses (see `noLong` in vite.config.ts).
import Writer from 'protobufjs/src/writer.js';
type Writer = InstanceType<typeof Writer>;

import { type BucketSpan, type HistogramMessage, type MetricFamilyMessage, type MetricMessage } from './protobuf-types';

export * from './protobuf-types';

// Wire types: 0 varint, 1 64-bit, 2 length-delimited.
const tag = (w: Writer, field: number, wire: 0 | 1 | 2) => w.uint32((field << 3) | wire);
const double = (w: Writer, field: number, v: number | undefined) => {
  if (v !== undefined) tag(w, field, 1).double(v);
};
const uint64 = (w: Writer, field: number, v: number | undefined) => {
  if (v !== undefined) tag(w, field, 0).uint64(v);
};
const string = (w: Writer, field: number, v: string | undefined) => {
  if (v !== undefined) tag(w, field, 2).string(v);
};
/** An embedded message: its fields, prefixed by their length. */
function message<T>(w: Writer, field: number, v: T | undefined, write: (w: Writer, v: T) => void) {
  if (v === undefined) return;
  tag(w, field, 2).fork();
  write(w, v);
  w.ldelim();
}

function value(w: Writer, v: { value: number }) {
  double(w, 1, v.value);
}

function span(w: Writer, s: BucketSpan) {
  tag(w, 1, 0).sint32(s.offset);
  tag(w, 2, 0).uint32(s.length);
}

function histogram(w: Writer, h: HistogramMessage) {
  uint64(w, 1, h.sample_count);
  double(w, 2, h.sample_sum);
  for (const b of h.bucket ?? [])
    message(w, 3, b, (w, b) => {
      uint64(w, 1, b.cumulative_count);
      double(w, 2, b.upper_bound);
      double(w, 4, b.cumulative_count_float);
    });
  double(w, 4, h.sample_count_float);
  if (h.schema !== undefined) tag(w, 5, 0).sint32(h.schema);
  double(w, 6, h.zero_threshold);
  uint64(w, 7, h.zero_count);
  double(w, 8, h.zero_count_float);
  for (const s of h.negative_span ?? []) message(w, 9, s, span);
  for (const d of h.negative_delta ?? []) tag(w, 10, 0).sint64(d);
  for (const c of h.negative_count ?? []) double(w, 11, c);
  for (const s of h.positive_span ?? []) message(w, 12, s, span);
  for (const d of h.positive_delta ?? []) tag(w, 13, 0).sint64(d);
  for (const c of h.positive_count ?? []) double(w, 14, c);
}

function metric(w: Writer, m: MetricMessage) {
  for (const l of m.label ?? [])
    message(w, 1, l, (w, l) => {
      string(w, 1, l.name);
      string(w, 2, l.value);
    });
  message(w, 2, m.gauge, value);
  message(w, 3, m.counter, value);
  message(w, 4, m.summary, (w, s) => {
    uint64(w, 1, s.sample_count);
    double(w, 2, s.sample_sum);
    for (const q of s.quantile ?? [])
      message(w, 3, q, (w, q) => {
        double(w, 1, q.quantile);
        double(w, 2, q.value);
      });
  });
  message(w, 5, m.untyped, value);
  message(w, 7, m.histogram, histogram);
}

/** Metric families as one delimited protobuf body: each family prefixed by its length. */
export function encodeDelimited(families: readonly MetricFamilyMessage[]): Uint8Array<ArrayBuffer> {
  // The plain Writer: `Writer.create()` picks Node's BufferWriter, which only the full entry sets up.
  const w = new Writer();
  for (const family of families) {
    w.fork();
    string(w, 1, family.name);
    string(w, 2, family.help);
    tag(w, 3, 0).int32(family.type);
    for (const m of family.metric) message(w, 4, m, metric);
    w.ldelim();
  }
  return new Uint8Array(w.finish());
}
