/** What the status page's Prometheus card shows, read by the server alone and kept for a few seconds. */
import type { GatewayCredentials } from '../proxy.ts';
import { publicAddress } from '../proxy.ts';
import { prometheusClient, type PrometheusClient } from './client';
import type { HealthSettings } from './group-health';
import type { PrometheusView } from '../../core/wire/prometheus';
import { checkScrape } from './scrape-check';

export type { PrometheusView } from '../../core/wire/prometheus';

/** Several tabs on the status page ask at once: one set of reads per few seconds is plenty. */
const KEEP_MS = 5000;

export interface PrometheusOptions {
  url: URL;
  credentials?: GatewayCredentials;
  /** The scrape job's name, when Prometheus reaches the gateway by another address. */
  job?: string;
  /** Prometheus' address as browsers reach it (Open in Prometheus); the url by default. */
  externalUrl?: URL;
  /** Usual intervals and overdue groups (server/prometheus/group-health.ts). */
  health?: HealthSettings;
}

export function prometheusView(
  gatewayUrl: URL,
  options: PrometheusOptions | undefined,
  client: PrometheusClient | undefined = options && prometheusClient(options.url, options.credentials),
  now = () => Date.now(),
) {
  if (!options || !client) return () => Promise.resolve<PrometheusView>({ configured: false });
  const address = publicAddress(options.url);
  let kept: { at: number; view: Promise<PrometheusView> } | undefined;
  const read = async (): Promise<PrometheusView> => {
    try {
      const [targets, config, build] = await Promise.all([
        client.targets(),
        client.config(),
        client.buildinfo().catch(() => ({ version: undefined })),
      ]);
      const check = checkScrape(targets, config, gatewayUrl, options.job);
      return { configured: true, address, reachable: true, version: build.version ?? null, check };
    } catch (error) {
      return { configured: true, address, reachable: false, error: (error as Error).message };
    }
  };
  return () => {
    if (!kept || now() - kept.at > KEEP_MS) kept = { at: now(), view: read() };
    return kept.view;
  };
}
