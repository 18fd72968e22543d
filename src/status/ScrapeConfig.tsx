import { useConfig, useGateways } from '../config/ConfigContext';
import { useGatewayClient } from '../gateway/client-context';
import { CopyableCode } from '../components/CopyableCode';
import { Card } from '../components/Card';
import { scrapeConfig, scrapeConfigs } from './scrape-config';

/**
 * The scrape config for the gateway, or with several for each of them. Behind the pushboard
 * server the browser only sees the proxy; the server tells the real addresses.
 */
export function useScrapeConfig(): string {
  const { gatewayAddress } = useConfig();
  const gateways = useGateways();
  const { url: gatewayUrl } = useGatewayClient();
  if (!gateways) return scrapeConfig(gatewayAddress ?? gatewayUrl(''));
  return scrapeConfigs(gateways.map(({ name, base, address }) => ({ name, address: address ?? gatewayUrl(base) })));
}

/** The scrape job for this gateway (one per gateway with several), ready to paste into prometheus.yml. */
export function ScrapeConfig() {
  const yaml = useScrapeConfig();
  const several = useGateways() !== null;
  return (
    <Card title="Scrape config">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
        For <span className="font-mono">prometheus.yml</span>
        {several && ', one job per gateway'}. <span className="font-mono">honor_labels: true</span> keeps the{' '}
        <span className="font-mono">job</span> and <span className="font-mono">instance</span> labels the pushers set.
        {several ? (
          <>
            {' '}
            The <span className="font-mono">pushgateway</span> label keeps the same group on two gateways two series
            instead of one whose value flips between them. Change a target if Prometheus reaches that gateway at another
            address.
          </>
        ) : (
          ' Change the target if Prometheus reaches the gateway at another address.'
        )}
      </p>
      <CopyableCode code={yaml} label="Copy scrape config" />
    </Card>
  );
}
