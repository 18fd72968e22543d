/**
 * One group's push history: its last RING_SIZE pushes, successful and failed, oldest first. A
 * Float64Array keeps each entry in 8 bytes (a success as its Unix time, a failure as the negative
 * of it), grown as pushes come, so 10,000 groups of 64 pushes cost about 6 MB.
 */
import { BURST_FRACTION, usualInterval } from '../../core/rhythm';
import type { PushEntry } from '../../core/wire/history';

export type { PushEntry };

export const RING_SIZE = 64;

/**
 * A burst lasting longer than this many usual intervals is a new rhythm, no longer a burst: a
 * job that now really pushes every 5 s is learned as such after 8 of its old intervals.
 */
export const BURST_LIMIT = 8;

export class PushRing {
  private data = new Float64Array(4);
  private start = 0;
  private length = 0;
  /** The last success and failure recorded (Unix seconds), 0 before any. */
  lastSuccess = 0;
  lastFailure = 0;
  /** Where the current burst of successes began: its entry moves forward as the burst goes on. */
  private burstStart = 0;
  private interval: number | undefined | null = null;

  /** Records a successful push at `time`, unless it is not newer than the last one. */
  success(time: number): boolean {
    if (!(time > this.lastSuccess)) return false;
    const usual = this.usual();
    const lastIndex = this.length > 0 ? this.index(this.length - 1) : -1;
    const last = lastIndex >= 0 ? this.data[lastIndex]! : 0;
    // A push soon after the last one is the same burst: that entry moves to the newest push, so a
    // 5-minute job that once pushed 4 times a second keeps one entry for the burst, not 64.
    const close = usual !== undefined && last > 0 && time - last < BURST_FRACTION * usual;
    if (close && time - this.burstStart < BURST_LIMIT * usual) {
      this.data[lastIndex] = time;
    } else {
      this.push(time);
      // A burst past its limit is not restarted: its pushes are kept one by one from now on.
      if (!close) this.burstStart = time;
    }
    this.lastSuccess = time;
    this.interval = null;
    return true;
  }

  /** Records a failed push at `time`, unless it is not newer than the last one. */
  failure(time: number): boolean {
    if (!(time > this.lastFailure)) return false;
    const lastIndex = this.length > 0 ? this.index(this.length - 1) : -1;
    const last = lastIndex >= 0 ? this.data[lastIndex]! : 0;
    const usual = this.usual();
    // Retries of a failing job are one failure on the strip, as a burst of successes is one push.
    if (last < 0 && usual !== undefined && time + last < BURST_FRACTION * usual) this.data[lastIndex] = -time;
    else this.push(-time);
    this.lastFailure = time;
    return true;
  }

  /** The usual interval between successful pushes (cached until the next push). */
  usual(): number | undefined {
    if (this.interval === null) this.interval = usualInterval(this.successes());
    return this.interval;
  }

  successes(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const v = this.data[this.index(i)]!;
      if (v > 0) out.push(v);
    }
    return out;
  }

  entries(): PushEntry[] {
    const out: PushEntry[] = [];
    for (let i = 0; i < this.length; i++) {
      const v = this.data[this.index(i)]!;
      out.push({ time: Math.abs(v), ok: v > 0 });
    }
    return out;
  }

  /** As stored: successes positive, failures negative, oldest first. */
  raw(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.data[this.index(i)]!);
    return out;
  }

  /** Bytes held by this ring's entries. */
  get bytes(): number {
    return this.data.byteLength;
  }

  get size(): number {
    return this.length;
  }

  /** A ring from stored entries (successes positive, failures negative), oldest first. */
  static from(values: readonly number[]): PushRing {
    const ring = new PushRing();
    for (const v of [...values].sort((a, b) => Math.abs(a) - Math.abs(b))) {
      if (!Number.isFinite(v) || v === 0) continue;
      ring.push(v);
      if (v > 0) ring.lastSuccess = Math.max(ring.lastSuccess, v);
      else ring.lastFailure = Math.max(ring.lastFailure, -v);
    }
    ring.burstStart = ring.lastSuccess;
    return ring;
  }

  private index(i: number): number {
    return (this.start + i) % this.data.length;
  }

  private push(value: number): void {
    if (this.length === this.data.length && this.data.length < RING_SIZE) {
      const grown = new Float64Array(Math.min(RING_SIZE, this.data.length * 2));
      for (let i = 0; i < this.length; i++) grown[i] = this.data[this.index(i)]!;
      this.data = grown;
      this.start = 0;
    }
    if (this.length < this.data.length) {
      this.data[this.index(this.length)] = value;
      this.length++;
    } else {
      this.data[this.start] = value;
      this.start = (this.start + 1) % this.data.length;
    }
  }
}
