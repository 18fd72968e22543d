/**
 * The server's state of the gateway and what it serves from it: the event stream for viewers and
 * the server's own metrics in the Prometheus text format.
 */
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayCredentials } from '../proxy.js';
import { gatewayClient } from './fetch-gateway';
import { GatewayState, METRICS_PATH } from './gateway-state';
import { streamHandler } from './stream';

/** The gateway applies a DELETE after answering 202: one more look a moment later sees it done. */
const SETTLE_MS = 1000;

export function serverState({
  gatewayUrl,
  credentials,
  intervalMs,
}: {
  gatewayUrl: URL;
  credentials?: GatewayCredentials;
  intervalMs: number;
}) {
  const gateway = gatewayClient(gatewayUrl, credentials);
  const model = new GatewayState({ fetchMetrics: () => gateway.get(METRICS_PATH), intervalMs });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pushboard_' });
  const polls = new Counter({
    name: 'pushboard_gateway_polls_total',
    help: "Polls of the gateway's /api/v1/metrics by the server, by outcome.",
    labelNames: ['outcome'],
    registers: [registry],
  });
  const pollDuration = new Histogram({
    name: 'pushboard_gateway_poll_duration_seconds',
    help: 'How long a poll of the gateway took, reading and parsing its answer included.',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'pushboard_gateway_answer_bytes',
    help: "Size of the gateway's last successful /api/v1/metrics answer.",
    registers: [registry],
    collect() {
      this.set(model.lastAnswerBytes);
    },
  });
  new Gauge({
    name: 'pushboard_groups',
    help: 'Groups the server knows on the gateway.',
    registers: [registry],
    collect() {
      this.set(model.groupCount);
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
  for (const outcome of ['success', 'error']) polls.inc({ outcome }, 0);
  model.on('poll', (outcome, durationMs) => {
    polls.inc({ outcome });
    pollDuration.observe(durationMs / 1000);
  });

  let settle: NodeJS.Timeout | undefined;
  const texts: Array<() => string> = [];
  return {
    /** More metrics in the text format, written after the registry's (e.g. each group's health). */
    addMetricsText: (text: () => string) => void texts.push(text),
    model,
    gateway,
    registry,
    stream: streamHandler(model, { onBytes: (bytes) => streamed.inc(bytes) }),
    metrics: async (_req: Request, res: Response) => {
      // The benchmark starts the server with --expose-gc and this variable, so the heap it reads
      // is what the server holds, not garbage waiting for a collection. Never set otherwise.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (process.env.PUSHBOARD_GC_BEFORE_METRICS === '1' && gc) gc();
      res.setHeader('Cache-Control', 'no-store');
      const more = texts.map((text) => text()).join('');
      res.type(registry.contentType).send((await registry.metrics()) + more);
    },
    /** A change went through the server: every viewer sees it at once, and again once settled. */
    changed: () => {
      if (!model.active) return;
      void model.pollNow();
      clearTimeout(settle);
      settle = setTimeout(() => void model.pollNow(), SETTLE_MS);
      settle.unref();
    },
  };
}
