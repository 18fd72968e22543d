// @ts-check
/**
 * Makes a real gateway's groups look pushed in the past, for a realistic scene (screenshots, trying
 * the product by hand): a gateway stamps every push with its own clock, so groups pushed by a script
 * are all seconds old. The gateway's persistence file keeps each group's `push_time_seconds` and
 * `push_failure_time_seconds` as float64s (inside the protobuf of the family) and each family's
 * time stamp as a Go `time.Time` (big-endian seconds since year 1, then nanoseconds). This rewrites
 * exactly the values it read from the gateway's own API beforehand, each by its group's shift; every
 * other byte stays as the gateway wrote it, so the gateway loads the file as its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Seconds from 0001-01-01 to 1970-01-01, Go's time.Time epoch in MarshalBinary. */
const GO_EPOCH_OFFSET = 62_135_596_800n;

/**
 * @typedef {{ labels: Record<string, string>, [family: string]: any }} ApiGroup
 * One group of /api/v1/metrics' `data`.
 */

/**
 * A family's `time_stamp` ("2026-12-01T16:10:02.000474012Z") as Go stores it: whole seconds since
 * year 1 and nanoseconds.
 * @param {string} stamp
 */
export function goTime(stamp) {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(stamp);
  if (!match) throw new Error(`not an RFC 3339 time: ${stamp}`);
  const seconds = BigInt(Math.floor(Date.parse(`${match[1]}${match[3]}`) / 1000));
  const nanos = Number((match[2] ?? '').padEnd(9, '0'));
  return { seconds: seconds + GO_EPOCH_OFFSET, nanos };
}

/**
 * What to rewrite for each group: its push and failure times, and its families' time stamps.
 * @param {ApiGroup[]} groups
 * @param {(labels: Record<string, string>) => number} shiftOf seconds to move the group back
 */
export function plan(groups, shiftOf) {
  /** @type {Map<number, number>} */
  const doubles = new Map();
  /** @type {Map<string, number>} */
  const stamps = new Map();
  for (const group of groups) {
    const shift = shiftOf(group.labels);
    if (!shift) continue;
    for (const [name, family] of Object.entries(group)) {
      if (name === 'labels' || name === 'last_push_successful' || !family?.time_stamp) continue;
      const { seconds, nanos } = goTime(family.time_stamp);
      stamps.set(`${seconds}.${nanos}`, shift);
      if (name === 'push_time_seconds' || name === 'push_failure_time_seconds') {
        const value = Number(family.metrics?.[0]?.value);
        if (value > 0) doubles.set(value, shift);
      }
    }
  }
  return { doubles, stamps };
}

/**
 * Rewrites the persistence file of a STOPPED gateway. Returns how many values it moved.
 * @param {string} file
 * @param {ReturnType<typeof plan>} changes
 */
export function rewrite(file, { doubles, stamps }) {
  const bytes = readFileSync(file);
  let moved = 0;
  for (let i = 0; i + 12 <= bytes.length; i++) {
    const shift = doubles.get(bytes.readDoubleLE(i));
    if (shift !== undefined) {
      bytes.writeDoubleLE(bytes.readDoubleLE(i) - shift, i);
      moved++;
      i += 7;
      continue;
    }
    const seconds = bytes.readBigInt64BE(i);
    const stampShift = stamps.get(`${seconds}.${bytes.readInt32BE(i + 8)}`);
    if (stampShift !== undefined) {
      bytes.writeBigInt64BE(seconds - BigInt(Math.round(stampShift)), i);
      moved++;
      i += 11;
    }
  }
  writeFileSync(file, bytes);
  return moved;
}
