import { useQuery } from '@tanstack/react-query';
import { servedByServer } from '../config/config';
import { fetchServerJson } from '../data';
import { decodePrometheusView } from '../../core/wire/prometheus';

export type { PrometheusView, TargetView as ScrapedTarget } from '../../core/wire/prometheus';

const PATH = '-/pushboard/prometheus';

export function usePrometheusView() {
  return useQuery({
    queryKey: ['pushboard', 'prometheus'],
    queryFn: ({ signal }) => fetchServerJson(PATH, decodePrometheusView, { signal }),
    enabled: servedByServer(),
    refetchInterval: 10_000,
    retry: false,
  });
}
