import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayState } from './gateway-state';
import { threadReader, ThreadUnavailable } from './poll-worker';
import { answer, fakeGateway, rawGroup } from './testing';

/** A gateway's /api/v1/metrics over HTTP, answering what the test sets. */
async function httpGateway(initial: unknown[]) {
  let groups = initial;
  const server = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(answer(groups).text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: new URL(`http://127.0.0.1:${port}/`),
    set: (next: unknown[]) => void (groups = next),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('threadReader', () => {
  it('reads and diffs in a worker thread; a restarted thread gives every group again, and the state drops what went meanwhile', async () => {
    const gateway = await httpGateway([rawGroup('a'), rawGroup('b')]);
    const reader = threadReader(gateway.url);
    stops.push(gateway.close, reader.stop);
    const first = await reader.read();
    expect(first.full).toBe(true);
    expect(first.diff.changed.map((g) => g.key)).toEqual(['{job="j", instance="a"}', '{job="j", instance="b"}']);
    gateway.set([rawGroup('a'), rawGroup('b', 't2')]);
    const second = await reader.read();
    expect(second.full).toBe(false);
    expect(second.diff.changed.map((g) => g.key)).toEqual(['{job="j", instance="b"}']);

    const state = new GatewayState({
      fetchMetrics: () => Promise.reject(new Error('unused')),
      readPoll: reader.read,
      intervalMs: 60_000,
    });
    reader.stop();
    await state.pollNow();
    expect(state.snapshot().groups.map((g) => g.instance)).toEqual(['a', 'b']);
    reader.stop();
    gateway.set([rawGroup('b', 't2')]);
    const diffs: string[][] = [];
    state.on('diff', (_v, diff) => diffs.push(diff.removed));
    await state.pollNow();
    expect(state.snapshot().groups.map((g) => g.instance)).toEqual(['b']);
    expect(diffs).toEqual([['{job="j", instance="a"}']]);
    // Two threads start, each compiling its code first: seconds each on a loaded machine.
  }, 30_000);

  it('fails a read in flight when stopped, as a stop and not as a thread that could not run', async () => {
    const held: http.ServerResponse[] = [];
    const server = http.createServer((_req, res) => void held.push(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.push(() => {
      for (const res of held) res.destroy();
      return new Promise((resolve) => server.close(resolve));
    });
    const reader = threadReader(new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/`));
    const reading = reader.read();
    // The thread compiles its code before it reads: on a loaded machine that takes seconds.
    await expect.poll(() => held.length, { timeout: 15_000 }).toBe(1);
    reader.stop();
    const error = await reading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ThreadUnavailable);
    expect((error as Error).message).toBe('the gateway reader was stopped');
  }, 20_000);

  it('answers a gateway error as the GatewayError it is', async () => {
    const reader = threadReader(new URL('http://127.0.0.1:1/'));
    stops.push(reader.stop);
    await expect(reader.read()).rejects.toMatchObject({ name: 'GatewayError', kind: 'network' });
  });
});

describe('GatewayState without its thread', () => {
  it('reads on its own thread when the thread cannot run, losing nothing', async () => {
    const gateway = fakeGateway([rawGroup('a')]);
    const state = new GatewayState({
      fetchMetrics: gateway.fetchMetrics,
      readPoll: () => Promise.reject(new ThreadUnavailable('no thread')),
      intervalMs: 60_000,
    });
    await state.pollNow();
    expect(state.status.error).toBeNull();
    expect(state.snapshot().groups.map((g) => g.instance)).toEqual(['a']);
    gateway.set([rawGroup('a'), rawGroup('c')]);
    await state.pollNow();
    expect(state.snapshot().groups.map((g) => g.instance)).toEqual(['a', 'c']);
    expect(gateway.reads).toBe(2);
  });
});
