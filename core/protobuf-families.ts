/**
 * The gateway's `/metrics` in the delimited protobuf format, read just far enough to tell its
 * series apart and written back byte for byte. Each family keeps its own fields as they came
 * (name, help, type, unit) and each metric its whole message (every histogram field, classic and
 * native, exemplars, created timestamps), so a group cut out of it and pushed back is exactly what
 * the gateway held, whatever the client pushed. Shared by the server (which leaves out the
 * gateway's own metrics) and the page (Undo's copy of a group).
 */

export interface RawMetric {
  /** The metric's labels, as the gateway exposes them (grouping labels included). */
  labels: Record<string, string>;
  /** The Metric message's bytes, untouched. */
  bytes: Uint8Array;
}

export interface RawFamily {
  name: string;
  /** Every field of the MetricFamily other than its metrics, as encoded (tags included). */
  head: Uint8Array;
  metrics: RawMetric[];
}

/** What to ask `/metrics` for: delimited protobuf, with UTF-8 names as pushed (1.11+; older ones ignore it). */
export const PROTOBUF_ACCEPT =
  'application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;escaping=allow-utf-8';

/** Where the Pushboard server answers with the pushed part of its gateway's `/metrics` (relative to the gateway's base). */
export const PUSHED_PROTOBUF_PATH = '-/pushboard/pushed.pb';

const decoder = new TextDecoder();

class Cursor {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    readonly end: number,
  ) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.end) throw new Error('truncated protobuf');
      const byte = this.buf[this.pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
      if (scale > 2 ** 70) throw new Error('malformed protobuf varint');
    }
  }

  /** Skips a field's value of this wire type; returns where it started. */
  skip(wire: number): number {
    const start = this.pos;
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else if (wire === 2) {
      const length = this.varint();
      this.pos += length;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    if (this.pos > this.end) throw new Error('truncated protobuf');
    return start;
  }

  /** A length-delimited value as its own cursor, moving past it. */
  sub(): Cursor {
    const length = this.varint();
    const sub = new Cursor(this.buf, this.pos, this.pos + length);
    this.pos += length;
    if (this.pos > this.end) throw new Error('truncated protobuf');
    return sub;
  }

  text(): string {
    const sub = this.sub();
    return decoder.decode(this.buf.subarray(sub.pos, sub.end));
  }
}

function labelsOf(metric: Cursor): Record<string, string> {
  const labels: Record<string, string> = {};
  while (metric.pos < metric.end) {
    const key = metric.varint();
    if (key >> 3 !== 1 || (key & 7) !== 2) {
      metric.skip(key & 7);
      continue;
    }
    const pair = metric.sub();
    let name = '';
    let value = '';
    while (pair.pos < pair.end) {
      const k = pair.varint();
      if (k === 0x0a) name = pair.text();
      else if (k === 0x12) value = pair.text();
      else pair.skip(k & 7);
    }
    labels[name] = value;
  }
  return labels;
}

/** Every family of a delimited protobuf body; throws on bytes that are not one. */
export function readDelimited(buf: Uint8Array): RawFamily[] {
  const all = new Cursor(buf, 0, buf.length);
  const families: RawFamily[] = [];
  while (all.pos < all.end) {
    const family = all.sub();
    const head: Uint8Array[] = [];
    const metrics: RawMetric[] = [];
    let name = '';
    while (family.pos < family.end) {
      const fieldStart = family.pos;
      const key = family.varint();
      if (key === 0x22) {
        const metric = family.sub();
        metrics.push({
          labels: labelsOf(new Cursor(buf, metric.pos, metric.end)),
          bytes: buf.subarray(metric.pos, metric.end),
        });
        continue;
      }
      if (key === 0x0a) name = family.text();
      else family.skip(key & 7);
      head.push(buf.subarray(fieldStart, family.pos));
    }
    families.push({ name, head: concat(head), metrics });
  }
  return families;
}

/** Families as one delimited protobuf body: each family's own fields, then its metrics. */
export function writeDelimited(families: readonly RawFamily[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const family of families) {
    const body: Uint8Array[] = [family.head];
    for (const metric of family.metrics) body.push(Uint8Array.of(0x22), varint(metric.bytes.length), metric.bytes);
    const message = concat(body);
    parts.push(varint(message.length), message);
  }
  return concat(parts);
}

function varint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return Uint8Array.from(out);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A series' identity for matching: its labels sorted, empty values left out (as Prometheus reads them). */
export function seriesKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(
    Object.keys(labels)
      .filter((k) => labels[k] !== '')
      .sort()
      .map((k) => [k, labels[k]]),
  );
}
