// @ts-check
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { goTime, plan, rewrite } from './age-gateway.js';

const dirs = /** @type {string[]} */ ([]);
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('goTime', () => {
  it('reads an RFC 3339 stamp as seconds since year 1 and nanoseconds, as Go stores it', () => {
    expect(goTime('1970-01-01T00:00:00Z')).toEqual({ seconds: 62_135_596_800n, nanos: 0 });
    expect(goTime('2026-12-01T16:10:02.000474012Z')).toEqual({
      seconds: 62_135_596_800n + 1_796_141_402n,
      nanos: 474012,
    });
    expect(goTime('2026-12-01T16:10:02.5Z').nanos).toBe(500_000_000);
  });
});

describe('plan and rewrite', () => {
  const family = (/** @type {string} */ stamp, /** @type {string} */ value) => ({
    time_stamp: stamp,
    type: 'GAUGE',
    metrics: [{ labels: {}, value }],
  });
  const groups = [
    {
      labels: { job: 'old' },
      push_time_seconds: family('2026-12-01T16:10:02.000474012Z', '1.7961414020004742e+09'),
      push_failure_time_seconds: family('2026-12-01T16:10:02.000474012Z', '0'),
    },
    { labels: { job: 'new' }, push_time_seconds: family('2026-12-01T16:10:03Z', '1796141403') },
  ];

  it('moves back exactly the times of the groups it is told to, and no other byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'age-test-'));
    dirs.push(dir);
    const file = path.join(dir, 'data');
    const bytes = Buffer.alloc(64, 0xab);
    bytes.writeDoubleLE(1.7961414020004742e9, 3);
    const { seconds, nanos } = goTime('2026-12-01T16:10:02.000474012Z');
    bytes.writeBigInt64BE(seconds, 20);
    bytes.writeInt32BE(nanos, 28);
    bytes.writeDoubleLE(1796141403, 40); // the group told to stay
    writeFileSync(file, bytes);

    const changes = plan(groups, (labels) => (labels.job === 'old' ? 3600 : 0));
    expect(rewrite(file, changes)).toBe(2);
    const after = readFileSync(file);
    expect(after.readDoubleLE(3)).toBe(1.7961414020004742e9 - 3600);
    expect(after.readBigInt64BE(20)).toBe(seconds - 3600n);
    expect(after.readInt32BE(28)).toBe(nanos);
    expect(after.readDoubleLE(40)).toBe(1796141403);
    expect(after.subarray(11, 20).every((b) => b === 0xab)).toBe(true);
  });
});
