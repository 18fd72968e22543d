/**
 * The server's state of the gateways and what it serves from it: the event stream for viewers and
 * the server's own metrics in the Prometheus text format.
 *
 * With one gateway the metrics have the labels they always had; with several, each gateway's
 * poll metrics carry its name in `gateway`.
 */
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayCredentials } from '../proxy.ts';
import { gatewayClient } from './fetch-gateway';
import { METRICS_PATH } from './gateway-state';
import { MultiGatewayState } from './multi-state';
import { threadReader } from './poll-worker';
import { streamHandler, type StreamOptions } from './stream';

/** The gateway applies a DELETE after answering 202: one more look a moment later sees it done. */
const SETTLE_MS = 1000;

export interface StateGateway {
  name: string;
  url: URL;
  credentials?: GatewayCredentials;
}

export function serverState({
  gateways,
  intervalMs,
  readInThread = true,
  stream = {},
}: {
  gateways: readonly StateGateway[];
  intervalMs: number;
  /** Parse each gateway's answer in a worker thread (see poll-worker.ts); the tests may say no. */
  readInThread?: boolean;
  /** Caps, heartbeat and the client's address for the event stream (see stream.ts). */
  stream?: Omit<StreamOptions, 'onBytes'>;
}) {
  const clients = new Map(gateways.map((g) => [g.name, gatewayClient(g.url, g.credentials)]));
  const readers = readInThread ? gateways.map((g) => threadReader(g.url, g.credentials)) : [];
  const model = new MultiGatewayState({
    gateways: gateways.map(({ name }, i) => ({
      name,
      fetchMetrics: () => clients.get(name)!.get(METRICS_PATH),
      ...(readers[i] ? { readPoll: readers[i].read } : {}),
    })),
    intervalMs,
  });
  const multi = gateways.length > 1;
  const members = model.members;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pushboard_' });
  const byGateway = multi ? ['gateway'] : [];
  const polls = new Counter({
    name: 'pushboard_gateway_polls_total',
    help: "Polls of the gateway's /api/v1/metrics by the server, by outcome.",
    labelNames: [...byGateway, 'outcome'],
    registers: [registry],
  });
  const pollDuration = new Histogram({
    name: 'pushboard_gateway_poll_duration_seconds',
    help: 'How long a poll of the gateway took, reading and parsing its answer included.',
    labelNames: byGateway,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'pushboard_gateway_answer_bytes',
    help: "Size of the gateway's last successful /api/v1/metrics answer.",
    labelNames: byGateway,
    registers: [registry],
    collect() {
      if (!multi) return this.set(model.lastAnswerBytes);
      for (const { name, state } of members) this.set({ gateway: name }, state.lastAnswerBytes);
    },
  });
  new Gauge({
    name: 'pushboard_groups',
    help: 'Groups the server knows on the gateway.',
    labelNames: byGateway,
    registers: [registry],
    collect() {
      if (!multi) return this.set(model.groupCount);
      for (const { name, state } of members) this.set({ gateway: name }, state.groupCount);
    },
  });
  if (multi) {
    new Gauge({
      name: 'pushboard_gateway_up',
      help: "Whether the gateway's last poll succeeded (1) or failed (0).",
      labelNames: byGateway,
      registers: [registry],
      collect() {
        for (const { name, state } of members) this.set({ gateway: name }, state.status.error ? 0 : 1);
      },
    });
  }
  new Gauge({
    name: 'pushboard_gateway_reader_heap_bytes',
    help: "Heap used by the threads that read the gateways, after their last read (the server's memory beside pushboard_nodejs_heap_size_used_bytes).",
    registers: [registry],
    collect() {
      this.set(readers.reduce((sum, reader) => sum + reader.heapBytes(), 0));
    },
  });
  new Gauge({
    name: 'pushboard_viewers',
    help: 'Viewers connected to the event stream.',
    registers: [registry],
    collect() {
      this.set(model.viewerCount);
    },
  });
  const streamed = new Counter({
    name: 'pushboard_streamed_bytes_total',
    help: 'Bytes of events sent to viewers (before compression).',
    registers: [registry],
  });
  const refused = new Counter({
    name: 'pushboard_streams_refused_total',
    help: 'Event streams refused with 429 (--max-streams, --max-streams-per-client).',
    registers: [registry],
  });
  for (const { name, state } of members) {
    const labels = multi ? { gateway: name } : {};
    for (const outcome of ['success', 'error']) polls.inc({ ...labels, outcome }, 0);
    state.on('poll', (outcome, durationMs) => {
      polls.inc({ ...labels, outcome });
      pollDuration.observe(labels, durationMs / 1000);
    });
  }

  const settles = new Map<string | undefined, NodeJS.Timeout>();
  const texts: Array<() => string> = [];
  /** The one gateway's name, or the named one: where a change without a gateway goes. */
  const only = gateways.length === 1 ? gateways[0]!.name : undefined;
  return {
    /** Stops the threads that read the gateways (the server is closing). */
    close: () => {
      model.stop();
      for (const reader of readers) reader.stop();
    },
    /** More metrics in the text format, written after the registry's (e.g. each group's health). */
    addMetricsText: (text: () => string) => void texts.push(text),
    model,
    /**
     * The server's own request to a gateway (the pruner's deletes): to the named one, or with
     * one gateway to it.
     */
    send: (method: string, path: string, gateway?: string) => {
      const client = clients.get(gateway ?? only ?? '');
      if (!client) return Promise.reject(new Error(`no gateway is named "${gateway}"`));
      return client.send(method, path);
    },
    registry,
    stream: streamHandler(model, {
      ...stream,
      onBytes: (bytes) => streamed.inc(bytes),
      onRefused: (client, reason) => {
        refused.inc();
        stream.onRefused?.(client, reason);
      },
    }),
    metrics: async (_req: Request, res: Response) => {
      // The benchmark starts the server with --expose-gc and this variable, so the heap it reads
      // is what the server holds, not garbage waiting for a collection. Never set otherwise.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (process.env.PUSHBOARD_GC_BEFORE_METRICS === '1' && gc) gc();
      res.setHeader('Cache-Control', 'no-store');
      const more = texts.map((text) => text()).join('');
      res.type(registry.contentType).send((await registry.metrics()) + more);
    },
    /**
     * A change went through the server to a gateway (the named one; with one gateway, it): every
     * viewer sees it within about a second, and again once settled. However many changes arrive,
     * they cost the gateway at most one extra read a second (refresh() shares one poll among all
     * that come meanwhile), and one more SETTLE_MS after the last: at 10,000 groups a read costs
     * the gateway seconds, and 300 pushes once made 300 of them.
     */
    changed: (gateway?: string) => {
      if (!model.active) return;
      const name = gateway ?? only;
      void model.refresh(name).catch(() => {});
      clearTimeout(settles.get(name));
      const settle = setTimeout(() => void model.refresh(name).catch(() => {}), SETTLE_MS);
      settle.unref();
      settles.set(name, settle);
    },
  };
}
