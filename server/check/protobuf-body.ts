/**
 * A delimited protobuf push body (io.prometheus.client.MetricFamily, as client_golang pushes by
 * default) read as the gateway reads it: each family's name, HELP, TYPE and, per metric, its
 * labels, which value field is set, its values and its timestamp. A later family of the same name
 * replaces an earlier one, as in the gateway's map.
 */
import { type CheckFamily, type CheckMetric, TYPE_NUMBERS } from './families';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder();

class Reader {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    readonly end: number,
  ) {}

  done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw new Error('unexpected EOF');
      const byte = this.buf[this.pos++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
      shift += 7n;
      if (shift > 63n) throw new Error('proto: cannot parse invalid wire-format data');
    }
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new Error('unexpected EOF');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getFloat64(0, true);
  }

  sub(): Reader {
    const length = Number(this.varint());
    if (this.pos + length > this.end) throw new Error('unexpected EOF');
    const sub = new Reader(this.buf, this.pos, this.pos + length);
    this.pos += length;
    return sub;
  }

  bytes(): Uint8Array {
    const sub = this.sub();
    return this.buf.subarray(sub.pos, sub.end);
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else if (wire === 2) this.sub();
    else throw new Error('proto: cannot parse invalid wire-format data');
    if (this.pos > this.end) throw new Error('unexpected EOF');
  }

  /** Each field of this message: its number and wire type. */
  *fields(): Generator<[number, number]> {
    while (!this.done()) {
      const key = Number(this.varint());
      yield [key >> 3, key & 7];
    }
  }
}

/** A message's double and varint fields by number; sub-messages handed to `onMessage`. */
function scalars(r: Reader, onMessage?: (field: number, sub: Reader) => void) {
  const values = new Map<number, number>();
  for (const [field, wire] of r.fields()) {
    if (wire === 1) values.set(field, r.double());
    else if (wire === 0) values.set(field, Number(BigInt.asIntN(64, r.varint())));
    else if (wire === 2 && onMessage) onMessage(field, r.sub());
    else r.skip(wire);
  }
  return values;
}

function readLabel(r: Reader): { name: string; value: string; utf8: boolean } {
  let name = '';
  let value = '';
  let ok = true;
  for (const [field, wire] of r.fields()) {
    if (wire === 2 && (field === 1 || field === 2)) {
      const bytes = r.bytes();
      if (field === 1) name = lossy.decode(bytes);
      else {
        try {
          value = utf8.decode(bytes);
        } catch {
          value = lossy.decode(bytes);
          ok = false;
        }
      }
    } else r.skip(wire);
  }
  return { name, value, utf8: ok };
}

function metricOf(r: Reader): CheckMetric {
  const metric: CheckMetric = { labels: [], kind: null };
  for (const [field, wire] of r.fields()) {
    if (field === 6 && wire === 0) {
      metric.timestampMs = String(BigInt.asIntN(64, r.varint()));
    } else if (wire !== 2) {
      r.skip(wire);
    } else if (field === 1) {
      const label = readLabel(r.sub());
      metric.labels.push([label.name, label.value]);
      if (!label.utf8) metric.notUtf8 ??= label.name;
    } else if (field === 2 || field === 3 || field === 5) {
      metric.kind = field === 2 ? 'gauge' : field === 3 ? 'counter' : 'untyped';
      metric.value = scalars(r.sub()).get(1) ?? 0;
    } else if (field === 4) {
      const quantiles: Array<[number, number]> = [];
      const s = scalars(r.sub(), (f, sub) => {
        if (f !== 3) return;
        const q = scalars(sub);
        quantiles.push([q.get(1) ?? 0, q.get(2) ?? 0]);
      });
      metric.kind = 'summary';
      metric.summary = { count: s.get(1), sum: s.get(2), quantiles };
    } else if (field === 7) {
      const buckets: Array<[number, number]> = [];
      const h = scalars(r.sub(), (f, sub) => {
        if (f !== 3) return;
        const b = scalars(sub);
        buckets.push([b.get(2) ?? 0, b.get(1) ?? 0]);
      });
      metric.kind = 'histogram';
      metric.histogram = { count: h.get(1), sum: h.get(2), buckets };
    } else {
      r.skip(wire);
    }
  }
  return metric;
}

/** Every family of a delimited protobuf body, or the reason the gateway cannot read it. */
export function parseProtobuf(body: Uint8Array): { families: CheckFamily[]; error?: string } {
  const byName = new Map<string, CheckFamily>();
  const all = new Reader(body, 0, body.length);
  try {
    while (!all.done()) {
      const r = all.sub();
      const family: CheckFamily = { name: '', help: '', type: 'COUNTER', metrics: [] };
      for (const [field, wire] of r.fields()) {
        if (field === 1 && wire === 2) family.name = lossy.decode(r.bytes());
        else if (field === 2 && wire === 2) family.help = lossy.decode(r.bytes());
        else if (field === 3 && wire === 0) family.type = TYPE_NUMBERS[Number(r.varint())] ?? family.type;
        else if (field === 4 && wire === 2) family.metrics.push(metricOf(r.sub()));
        else r.skip(wire);
      }
      byName.set(family.name, family);
    }
  } catch (error) {
    return { families: [], error: (error as Error).message };
  }
  return { families: [...byName.values()] };
}
