import { useQuery } from '@tanstack/react-query';
import { servedByServer } from '../config/config';
import { readJson } from '../gateway/client';
import { isRecord } from '../../core/validate';

/** server/prometheus/prometheus-view.ts, as the status page reads it. */
export interface ScrapedTarget {
  job: string;
  scrapeUrl: string;
  health: string;
  lastError: string;
  lastScrape: string;
  lastScrapeDurationSeconds: number;
  scrapeInterval: string | null;
}
export type PrometheusView =
  | { configured: false }
  | { configured: true; address: string; reachable: false; error: string }
  | {
      configured: true;
      address: string;
      reachable: true;
      version: string | null;
      check:
        | { state: 'not-scraped'; targets: number }
        | { state: 'scraped'; target: ScrapedTarget; honorLabels: boolean | null; fixedConfig: string | null };
    };

const PATH = '-/pushboard/prometheus';

/** Trusts the server's shape where it is ours; anything unreadable counts as not configured. */
function parseView(json: unknown): PrometheusView {
  if (!isRecord(json) || json.configured !== true || typeof json.address !== 'string') return { configured: false };
  return json as unknown as PrometheusView;
}

export function usePrometheusView() {
  return useQuery({
    queryKey: ['pushboard', 'prometheus'],
    queryFn: async ({ signal }) => {
      const response = await fetch(new URL(PATH, document.baseURI), { signal, cache: 'no-cache' });
      return readJson(await response.text(), PATH, parseView);
    },
    enabled: servedByServer(),
    refetchInterval: 10_000,
    retry: false,
  });
}
