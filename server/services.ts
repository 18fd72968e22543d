/**
 * What the server runs besides answering requests: the gateways' state and its event stream, the
 * push history, the rhythms, the prune rules and their reloads, and Prometheus' view and health.
 * Each is made here and handed to the routes that serve it; `close` stops them all.
 */
import type { Request } from 'express';
import type { AppGateway, AppOptions } from './app-options.ts';
import { backfillFromPrometheus } from './history/backfill.ts';
import { healthExportText } from './history/health-export.ts';
import { PushHistory } from './history/push-history.ts';
import { Rhythms } from './history/rhythms.ts';
import { prometheusClient } from './prometheus/client.ts';
import { DEFAULT_HEALTH, GroupHealth } from './prometheus/group-health.ts';
import { prometheusView } from './prometheus/prometheus-view.ts';
import { serverPruner } from './prune/server-prune.ts';
import { ConfigReloads } from './reload.ts';
import { serverState } from './state/server-state.ts';
import { DEFAULT_STREAM_CAPS } from './state/stream-caps.ts';

export type Log = (line: string) => void;

/** The server's services for `gateways`, started. */
export function createServices(options: AppOptions, gateways: AppGateway[], log: Log) {
  const trustProxy = options.trustProxy ?? false;
  const pollIntervalMs = options.serverPollIntervalMs ?? options.pollIntervalMs ?? 5000;
  const exportGroups = Boolean(options.exportGroupHealth ?? options.prometheus?.health?.export);
  const state = serverState({
    gateways,
    intervalMs: pollIntervalMs,
    stream: {
      caps: {
        total: options.maxStreams ?? DEFAULT_STREAM_CAPS.total,
        perClient: options.maxStreamsPerClient ?? DEFAULT_STREAM_CAPS.perClient,
      },
      ...(options.streamHeartbeatMs ? { heartbeatMs: options.streamHeartbeatMs } : {}),
      // Behind a trusted proxy every stream comes from its address: the client is the address
      // it appended to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), the last one.
      clientOf: (req: Request) =>
        (trustProxy &&
          String(req.headers['x-forwarded-for'] ?? '')
            .split(',')
            .at(-1)
            ?.trim()) ||
        (req.socket.remoteAddress ?? ''),
      onRefused: (client, reason) => log(`GET events -> 429 (${client}: ${reason})`),
    },
  });
  // Every group's pushes, from the server's own polls, kept watching with nobody looking.
  const history = new PushHistory({
    model: state.model,
    dataDir: options.dataDir,
    idleMs: Math.max(pollIntervalMs, options.idlePollIntervalMs ?? 60_000),
    keepFresh: exportGroups,
    log,
  });
  const factor = options.rhythms?.factor ?? options.prometheus?.health?.factor ?? 2;
  const rhythms = new Rhythms({
    model: state.model,
    history,
    settings: { factor, graceSeconds: pollIntervalMs / 1000 },
  });
  rhythms.configure(options.expect);
  const pruner = serverPruner({
    intervalOf: rhythms.intervalOf,
    model: state.model,
    send: state.send,
    registry: state.registry,
    dryRun: options.pruneDryRun,
    gateways: gateways.map((g) => g.name),
    log,
  });
  pruner.configure(options.prune);
  const started = options.config ?? {
    ...(options.prune ? { prune: options.prune } : {}),
    ...(options.expect ? { expect: options.expect } : {}),
  };
  const reloads = new ConfigReloads(started, {
    registry: state.registry,
    apply: (config) => {
      pruner.configure(config.prune);
      rhythms.configure(config.expect);
    },
  });

  const promOptions = options.prometheus;
  const promClient = promOptions && prometheusClient(promOptions.url, promOptions.credentials);
  const prometheus = prometheusView(gateways[0].url, promOptions, promClient);
  const health =
    promOptions && promClient
      ? new GroupHealth({
          client: promClient,
          view: prometheus,
          model: state.model,
          settings: { ...DEFAULT_HEALTH, ...promOptions.health },
          graphBase: (promOptions.externalUrl ?? promOptions.url).href,
          log,
        })
      : undefined;
  health?.start();
  history.start();
  if (promClient) void backfillFromPrometheus({ client: promClient, view: prometheus, history, log });
  // Per-job counts by state always; each group's health with --export-group-health.
  state.addMetricsText(() =>
    healthExportText(state.model.snapshot().groups, (group) => rhythms.rhythmOf(group, health?.view().intervals), {
      nowSeconds: Date.now() / 1000,
      perGroup: exportGroups,
    }),
  );

  return {
    state,
    history,
    rhythms,
    pruner,
    reloads,
    prometheus,
    health,
    /** Stops every service (rules run with nobody watching: they stop with the server). */
    close() {
      pruner.stop();
      health?.stop();
      history.stop();
      state.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
