import { describe, expect, it } from 'vitest';
import { PushRing, RING_SIZE } from './ring';

const T0 = 1_760_000_000;

/** What the server's poll sees of a push stream: the newest push time at each poll. */
function polled(ring: PushRing, pushes: number[], pollEvery: number) {
  const sorted = [...pushes].sort((a, b) => a - b);
  let i = 0;
  for (let t = sorted[0]!; t <= sorted.at(-1)! + pollEvery; t += pollEvery) {
    while (i < sorted.length && sorted[i]! <= t) i++;
    if (i > 0) ring.success(sorted[i - 1]!);
  }
}

describe('PushRing', () => {
  it('keeps the last 64 pushes, oldest first', () => {
    const ring = new PushRing();
    for (let i = 1; i <= 100; i++) ring.success(T0 + i * 60);
    expect(ring.size).toBe(RING_SIZE);
    expect(ring.successes()[0]).toBe(T0 + 37 * 60);
    expect(ring.usual()).toBe(60);
  });

  it('a 5-minute job that pushed 4 times a second for 10 minutes, polled every 5 s, is still a 5-minute job', () => {
    const ring = new PushRing();
    const pushes: number[] = [];
    for (let i = 0; i < 20; i++) pushes.push(T0 + i * 300);
    for (let t = T0 + 6000 + 7; t < T0 + 6600; t += 0.25) pushes.push(t);
    for (let i = 0; i < 10; i++) pushes.push(T0 + 6600 + 100 + i * 300);
    polled(ring, pushes, 5);
    expect(ring.usual()).toBe(300);
    // The burst is one entry (its last push), not 120.
    expect(ring.size).toBeLessThan(35);
  });

  it('a job that now really pushes every 5 s is learned as such after a while', () => {
    const ring = new PushRing();
    const pushes: number[] = [];
    for (let i = 0; i < 10; i++) pushes.push(T0 + i * 300);
    for (let t = T0 + 3000; t < T0 + 3000 + 4 * 3600; t += 5) pushes.push(t);
    polled(ring, pushes, 5);
    expect(ring.usual()).toBe(5);
  });

  it('ignores push times that are not newer, and keeps failures apart', () => {
    const ring = new PushRing();
    expect(ring.success(T0)).toBe(true);
    expect(ring.success(T0)).toBe(false);
    expect(ring.failure(T0 + 10)).toBe(true);
    expect(ring.success(T0 + 20)).toBe(true);
    expect(ring.entries()).toEqual([
      { time: T0, ok: true },
      { time: T0 + 10, ok: false },
      { time: T0 + 20, ok: true },
    ]);
    expect(PushRing.from(ring.raw()).entries()).toEqual(ring.entries());
  });

  it('costs at most 512 bytes of entries per group', () => {
    const ring = new PushRing();
    for (let i = 1; i <= 1000; i++) ring.success(T0 + i);
    expect(ring.bytes).toBe(RING_SIZE * 8);
  });
});
