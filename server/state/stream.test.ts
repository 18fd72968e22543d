import express from 'express';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayState } from './gateway-state';
import type { GatewayModel } from './model';
import { MultiGatewayState } from './multi-state';
import { fakeGateway, rawGroup } from './testing';
import { FIRST_SCREEN, streamHandler, type StreamOptions } from './stream';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(state: GatewayModel, options?: StreamOptions): Promise<number> {
  const app = express();
  app.get('/events', streamHandler(state, options));
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface Event {
  event: string;
  data: Record<string, unknown>;
}

/** An EventSource's view of the stream: each event with its parsed data, as it arrives. */
function listen(port: number) {
  const events: Event[] = [];
  let buffer = '';
  const request = http.get({ host: '127.0.0.1', port, path: '/events' }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      }
    });
  });
  return { events, close: () => request.destroy() };
}

const manyGroups = (n: number, stamp = 't1') =>
  Array.from({ length: n }, (_, i) => rawGroup(`i${String(i).padStart(5, '0')}`, stamp));

describe('the event stream', () => {
  it('sends the first screenful first, then the rest, then only what changed', async () => {
    const gateway = fakeGateway(manyGroups(1000));
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000 });
    await state.pollNow();
    const viewer = listen(await serve(state));
    await expect.poll(() => viewer.events.length).toBeGreaterThanOrEqual(2);
    const [snapshot, rest] = viewer.events;
    expect(snapshot.event).toBe('snapshot');
    expect(snapshot.data.groups).toHaveLength(FIRST_SCREEN);
    expect(snapshot.data.total).toBe(1000);
    expect(rest.data.order).toHaveLength(1000);
    expect(snapshot.data.complete).toBe(false);
    expect(rest.event).toBe('rest');
    expect(rest.data.groups).toHaveLength(1000 - FIRST_SCREEN);
    expect(rest.data.version).toBe(snapshot.data.version);

    const changed = manyGroups(1000);
    changed[7] = rawGroup('i00007', 't2');
    gateway.set(changed);
    await state.pollNow();
    await expect.poll(() => viewer.events.map((e) => e.event)).toEqual(['snapshot', 'rest', 'diff', 'status']);
    const diff = viewer.events[2].data;
    expect(diff.version).toBe((snapshot.data.version as number) + 1);
    expect((diff.changed as Array<{ key: string }>).map((g) => g.key)).toEqual(['{job="j", instance="i00007"}']);
    expect(diff.removed).toEqual([]);
    viewer.close();
    await expect.poll(() => state.viewerCount).toBe(0);
  });

  it('drops a viewer that stops reading before its backlog outgrows the limit', async () => {
    const gateway = fakeGateway(manyGroups(2000));
    const state = new GatewayState({ fetchMetrics: gateway.fetchMetrics, intervalMs: 60_000 });
    await state.pollNow();
    const limit = 256 * 1024;
    const port = await serve(state, { maxBacklogBytes: () => limit });
    // A client that asks for the stream and then never reads another byte.
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    socket.pause();
    let closed = false;
    socket.on('close', () => (closed = true));
    await expect.poll(() => state.viewerCount).toBe(1);
    const healthy = listen(port);
    await expect.poll(() => state.viewerCount).toBe(2);

    // Every poll re-pushes all 2,000 groups: a diff of about 400 kB each.
    for (let round = 2; round < 200 && state.viewerCount > 1; round++) {
      gateway.set(manyGroups(2000, `t${round}`));
      await state.pollNow();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(state.viewerCount).toBe(1);
    // Reading again, it finds its connection ended by the server (its browser would reconnect).
    socket.resume();
    await expect.poll(() => closed).toBe(true);
    // The viewer that keeps reading is not affected.
    await expect.poll(() => healthy.events.filter((e) => e.event === 'diff').length).toBeGreaterThan(1);
    healthy.close();
    socket.destroy();
  });

  it('drops a viewer that took nothing through two heartbeats while bytes waited for it', async () => {
    // 24 MB of snapshot: more than the kernel's buffers on both ends of a loopback connection.
    const groups = Array.from({ length: 48 }, (_, i) => ({
      key: `g${i}`,
      families: [{ name: 'm', help: `${i}`.padEnd(500_000, 'h'), samples: [] }],
    }));
    let viewers = 0;
    const state = Object.assign(new EventEmitter(), {
      version: 1,
      status: { lastSuccess: 1, error: null, intervalMs: 60_000 },
      lastAnswerBytes: 0,
      acquire: () => (viewers++, () => viewers--),
      snapshot: () => ({ version: 1, groups, status: state.status }),
    }) as unknown as GatewayModel;
    const port = await serve(state, { heartbeatMs: 100, maxBacklogBytes: () => 1e9 });
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    socket.pause();
    let closed = false;
    socket.on('close', () => (closed = true));
    await expect.poll(() => viewers).toBe(1);
    // Never read: once the kernel's buffers are full, nothing more is taken, and it is dropped.
    await expect.poll(() => viewers, { timeout: 10_000 }).toBe(0);
    socket.resume();
    await expect.poll(() => closed).toBe(true);
  });

  it('streams several gateways as one model: merged keys, each gateway’s changes as they come', async () => {
    const eu1 = fakeGateway(manyGroups(300));
    const eu2 = fakeGateway(manyGroups(300));
    const state = new MultiGatewayState({
      gateways: [
        { name: 'eu-1', fetchMetrics: eu1.fetchMetrics },
        { name: 'eu-2', fetchMetrics: eu2.fetchMetrics },
      ],
      intervalMs: 60_000,
    });
    await state.pollNow();
    const viewer = listen(await serve(state));
    await expect.poll(() => viewer.events.length).toBeGreaterThanOrEqual(2);
    const [snapshot, rest] = viewer.events;
    expect(snapshot.data.total).toBe(600);
    const first = snapshot.data.groups as Array<{ key: string; gateway: string }>;
    expect(first.slice(0, 2).map((g) => [g.key, g.gateway])).toEqual([
      ['@gateway="eu-1" {job="j", instance="i00000"}', 'eu-1'],
      ['@gateway="eu-2" {job="j", instance="i00000"}', 'eu-2'],
    ]);
    expect(rest.data.order).toHaveLength(600);
    expect((snapshot.data.status as { gateways: unknown[] }).gateways).toHaveLength(2);

    const changed = manyGroups(300);
    changed[7] = rawGroup('i00007', 't2');
    eu2.set(changed);
    await state.pollNow('eu-2');
    await expect.poll(() => viewer.events.map((e) => e.event)).toEqual(['snapshot', 'rest', 'diff', 'status']);
    const diff = viewer.events[2].data;
    expect(diff.version).toBe((snapshot.data.version as number) + 1);
    expect((diff.changed as Array<{ key: string }>).map((g) => g.key)).toEqual([
      '@gateway="eu-2" {job="j", instance="i00007"}',
    ]);
    viewer.close();
    await expect.poll(() => state.viewerCount).toBe(0);
  });
});
