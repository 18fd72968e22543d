import { useConfig } from '../config/ConfigContext';
import { gatewayUrl } from '../gateway/client';
import { CopyableCode } from '../components/CopyableCode';
import { Card } from '../components/Card';
import { scrapeConfig } from './scrape-config';

/** The scrape job for this gateway, ready to paste into prometheus.yml. */
export function ScrapeConfig() {
  const { gatewayAddress } = useConfig();
  // Behind the pushboard server the browser only sees the proxy; the server tells the real address.
  const yaml = scrapeConfig(gatewayAddress ?? gatewayUrl(''));
  return (
    <Card title="Scrape config">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
        For <span className="font-mono">prometheus.yml</span>. <span className="font-mono">honor_labels: true</span>{' '}
        keeps the <span className="font-mono">job</span> and <span className="font-mono">instance</span> labels the
        pushers set. Change the target if Prometheus reaches the gateway at another address.
      </p>
      <CopyableCode code={yaml} label="Copy scrape config" />
    </Card>
  );
}
