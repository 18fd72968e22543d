import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { servedByServer } from '../config/config';
import { ConnectionAlert } from '../polling/ConnectionAlert';
import { useNow } from '../lib/useNow';
import { useGatewayReady, useGatewayStatus } from '../gateway/status-query';
import { useGateways } from '../config/ConfigContext';
import { Card } from '../components/Card';
import { FlagsTable } from './FlagsTable';
import { ScrapeConfig } from './ScrapeConfig';
import { VersionCard } from './VersionCard';
import { PrometheusCard } from './PrometheusCard';
import { BuildAndRuntime, Readiness } from './GatewayFacts';
import { GatewaysStatus } from './GatewaysStatus';

/**
 * `groupStates`: the groups card, from the groups feature (the app puts the two together). With
 * several gateways, one section for each.
 */
export function StatusPage({ groupStates }: { groupStates: ReactNode }) {
  const gateways = useGateways();
  return (
    <>
      {gateways ? (
        <GatewaysStatus gateways={gateways} groupStates={groupStates} />
      ) : (
        <OneGatewayStatus groupStates={groupStates} />
      )}
      {servedByServer() && (
        <p className="mt-4 text-sm text-slate-700 dark:text-slate-200">
          Would the gateway take a push?{' '}
          <Link href="/check" className="font-medium text-teal-800 underline dark:text-teal-300">
            Check a push
          </Link>{' '}
          against what it holds now, without pushing it.
        </p>
      )}
    </>
  );
}

function OneGatewayStatus({ groupStates }: { groupStates: ReactNode }) {
  const status = useGatewayStatus();
  const ready = useGatewayReady();
  const now = useNow();
  const data = status.data;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Gateway status</h1>
      {status.error && <ConnectionAlert error={status.error} lastSuccess={status.dataUpdatedAt} retrying />}
      {!data && !status.error && <p className="text-slate-500 dark:text-slate-400">Loading status…</p>}
      <Readiness ready={ready} level={2} />
      {groupStates}
      <PrometheusCard />
      {data && (
        <>
          <BuildAndRuntime data={data} now={now} level={2} />
          <VersionCard status={data} />
          <ScrapeConfig />
          <Card title="Flags">
            <FlagsTable flags={data.flags} />
          </Card>
        </>
      )}
    </div>
  );
}
