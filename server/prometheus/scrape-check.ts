/**
 * Is the gateway scraped by Prometheus, and scraped right? The classic mistake is a scrape job
 * without `honor_labels: true`: Prometheus then renames every pushed `job` and `instance` to
 * `exported_job` and `exported_instance`, and queries on them silently find nothing.
 */
import { parse, stringify } from 'yaml';
import type { ScrapeCheck } from '../../core/wire/prometheus';
import type { Target } from './client';

export type { ScrapeCheck, TargetView } from '../../core/wire/prometheus';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const hostKey = (url: URL) => {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${LOOPBACK.has(url.hostname.toLowerCase()) ? 'loopback' : url.hostname.toLowerCase()}:${port}`;
};

/** Whether a target's scrape URL is this gateway's /metrics (loopback names count as one). */
export function scrapesGateway(scrapeUrl: string, gatewayUrl: URL): boolean {
  let url: URL;
  try {
    url = new URL(scrapeUrl);
  } catch {
    return false;
  }
  return hostKey(url) === hostKey(gatewayUrl) && url.pathname === `${gatewayUrl.pathname}metrics`;
}

type ScrapeConfig = Record<string, unknown> & { job_name?: unknown; honor_labels?: unknown };

function scrapeConfigs(configYaml: string): ScrapeConfig[] {
  try {
    const config = parse(configYaml) as { scrape_configs?: unknown } | null;
    return Array.isArray(config?.scrape_configs) ? (config.scrape_configs as ScrapeConfig[]) : [];
  } catch {
    return [];
  }
}

/**
 * Finds this gateway among Prometheus' targets (by address, or by `job` when given, e.g. when
 * Prometheus reaches the gateway by a Kubernetes service name) and reads honor_labels for it.
 */
export function checkScrape(
  targets: readonly Target[],
  configYaml: string,
  gatewayUrl: URL,
  job?: string,
): ScrapeCheck {
  const candidates = job ? targets.filter((t) => t.scrapePool === job) : targets;
  const target = candidates.find((t) => scrapesGateway(t.scrapeUrl, gatewayUrl)) ?? (job ? candidates[0] : undefined);
  if (!target) return { state: 'not-scraped', targets: targets.length };
  const config = scrapeConfigs(configYaml).find((c) => c.job_name === target.scrapePool);
  const honorLabels = config ? config.honor_labels === true : null;
  return {
    state: 'scraped',
    target: {
      job: target.scrapePool,
      scrapeUrl: target.scrapeUrl,
      health: target.health,
      lastError: target.lastError,
      lastScrape: target.lastScrape,
      lastScrapeDurationSeconds: target.lastScrapeDuration,
      scrapeInterval: target.scrapeInterval ?? null,
      labels: target.labels ?? {},
    },
    honorLabels,
    fixedConfig:
      config && honorLabels === false
        ? stringify({ scrape_configs: [{ ...config, honor_labels: true }] }, { lineWidth: 0 })
        : null,
  };
}
