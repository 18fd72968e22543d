import type { ReactNode } from 'react';
import type { GatewayInfo } from '../config/config';
import { PrometheusCard } from './PrometheusCard';
import { ScrapeConfig } from './ScrapeConfig';
import { GatewaySection } from './GatewaySection';
import { GatewaysOverview } from './GatewaysOverview';
import { SameGroupCard } from './SameGroupCard';

/** The status page with several gateways: every gateway at a glance, then a section for each. */
export function GatewaysStatus({
  gateways,
  groupStates,
}: {
  gateways: readonly GatewayInfo[];
  groupStates: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Gateways</h1>
      <GatewaysOverview gateways={gateways} />
      {groupStates}
      <PrometheusCard />
      {gateways.map((gateway) => (
        <GatewaySection key={gateway.name} gateway={gateway} />
      ))}
      <ScrapeConfig />
      <SameGroupCard example={gateways[0]?.name ?? 'NAME'} />
    </div>
  );
}
