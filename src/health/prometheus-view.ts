import { useQuery } from '@tanstack/react-query';
import { servedByServer } from '../config/config';
import { readJson } from '../gateway/client';
import type { PrometheusView } from '../../core/prometheus-views';
import { isRecord } from '../../core/validate';

export type { PrometheusView, TargetView as ScrapedTarget } from '../../core/prometheus-views';

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
