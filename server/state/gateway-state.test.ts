import { describe, expect, it } from 'vitest';
import { GatewayState, REFRESH_GAP_MS } from './gateway-state';

const EMPTY = { text: '{"status":"success","data":[]}', bytes: 30 };

/** A gateway whose every read waits until the test lets it answer. */
function slowGateway() {
  const pending: Array<() => void> = [];
  let reads = 0;
  const fetchMetrics = () => {
    reads++;
    return new Promise<typeof EMPTY>((resolve) => pending.push(() => resolve(EMPTY)));
  };
  const answer = async () => {
    await new Promise((r) => setTimeout(r, 0));
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fetchMetrics, answer, reads: () => reads };
}

describe('GatewayState.pollNow', () => {
  it('during a poll, shares one more poll that starts after it, and settles only then', async () => {
    const gateway = slowGateway();
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000 });
    const settled: string[] = [];
    void state.pollNow().then(() => settled.push('first'));
    void state.pollNow().then(() => settled.push('second'));
    void state.pollNow().then(() => settled.push('third'));
    expect(gateway.reads()).toBe(1);
    await gateway.answer();
    expect(settled).toEqual(['first']);
    expect(gateway.reads()).toBe(2);
    await gateway.answer();
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(gateway.reads()).toBe(2);
  });
});

describe('GatewayState.refresh', () => {
  it('reads at once, then at most once per gap however many refreshes come', async () => {
    const reads: number[] = [];
    const state = new GatewayState({
      fetchMetrics: async () => {
        reads.push(performance.now());
        return EMPTY;
      },
      intervalMs: 60_000,
    });
    await state.refresh();
    expect(reads).toHaveLength(1);
    await Promise.all(Array.from({ length: 10 }, () => state.refresh()));
    expect(reads).toHaveLength(2);
    expect(reads[1]! - reads[0]!).toBeGreaterThanOrEqual(REFRESH_GAP_MS - 5);
  });
});
