/** Test helpers: a gateway's answers without a gateway, for the server's state and stream. */
import type { FetchAnswer } from './fetch-gateway';

/** One raw group as the gateway's /api/v1/metrics has it; a new `stamp` is a new push. */
export const rawGroup = (instance: string, stamp = 't1', extra: Record<string, unknown> = {}) => ({
  labels: { job: 'j', instance },
  last_push_successful: true,
  push_time_seconds: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: '100' }] },
  m: { time_stamp: stamp, type: 'GAUGE', metrics: [{ labels: {}, value: '1' }] },
  ...extra,
});

export const answer = (groups: unknown[]): FetchAnswer => {
  const text = JSON.stringify({ status: 'success', data: groups });
  return { text, bytes: Buffer.byteLength(text) };
};

/** A gateway whose next answer the test sets, counting how often it was read. */
export function fakeGateway(initial: unknown[]) {
  let next: () => Promise<FetchAnswer> = () => Promise.resolve(answer(initial));
  const gateway = {
    reads: 0,
    set(groups: unknown[]) {
      next = () => Promise.resolve(answer(groups));
    },
    fail(error: Error) {
      next = () => Promise.reject(error);
    },
    /** The next read hangs until the returned function is called. */
    hold(groups: unknown[]) {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      next = () => held.then(() => answer(groups));
      return () => release();
    },
    fetchMetrics: () => {
      gateway.reads++;
      return next();
    },
  };
  return gateway;
}
