import type { ReactNode } from 'react';
import type { GatewayStatus } from '../gateway/status';
import { ConnectionAlert } from '../polling/ConnectionAlert';
import { formatDuration, formatExactTime, parseTimestamp } from '../lib/format';
import { useNow } from '../lib/useNow';
import { useGatewayReady, useGatewayStatus } from '../gateway/status-query';
import { Card, Fact } from '../components/Card';
import { FlagsTable } from './FlagsTable';
import { ScrapeConfig } from './ScrapeConfig';
import { VersionCard } from './VersionCard';
import { PrometheusCard } from './PrometheusCard';

/** `groupStates`: the groups card, from the groups feature (the app puts the two together). */
export function StatusPage({ groupStates }: { groupStates: ReactNode }) {
  const status = useGatewayStatus();
  const ready = useGatewayReady();
  const now = useNow();
  const data = status.data;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Gateway status</h1>
      {status.error && <ConnectionAlert error={status.error} lastSuccess={status.dataUpdatedAt} retrying />}
      {!data && !status.error && <p className="text-slate-500 dark:text-slate-400">Loading status…</p>}
      <Card title="Readiness">
        <p className="text-sm">
          {ready.isPending
            ? 'Checking…'
            : ready.isError
              ? `Not ready: ${ready.error.message}`
              : 'Ready: the gateway accepts pushes and reads.'}
        </p>
      </Card>
      {groupStates}
      <PrometheusCard />
      {data && <StatusDetails data={data} now={now} />}
    </div>
  );
}

function StatusDetails({ data, now }: { data: GatewayStatus; now: number }) {
  const started = parseTimestamp(data.startTime);
  const { build, flags } = data;
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Build">
          <dl>
            <Fact term="Version">{build.version || 'unknown'}</Fact>
            <Fact term="Revision">{build.revision}</Fact>
            <Fact term="Branch">{build.branch}</Fact>
            <Fact term="Build user">{build.buildUser}</Fact>
            <Fact term="Build date">{build.buildDate}</Fact>
            <Fact term="Go version">{build.goVersion}</Fact>
          </dl>
        </Card>
        <Card title="Runtime">
          <dl>
            <Fact term="Started">{Number.isFinite(started) ? formatExactTime(started) : 'unknown'}</Fact>
            <Fact term="Uptime">
              {Number.isFinite(started) ? formatDuration(Math.max(0, (now - started) / 1000)) : 'unknown'}
            </Fact>
            <Fact term="Admin API">
              {data.adminApiEnabled
                ? 'Enabled: all groups can be wiped at once.'
                : 'Disabled: wiping all groups is not possible (start the gateway with --web.enable-admin-api to allow it).'}
            </Fact>
            <Fact term="Persistence">
              {data.persistenceFile
                ? `On: saved to ${data.persistenceFile} every ${flags['persistence.interval'] ?? '?'}.`
                : 'Off: every group is lost when the gateway restarts.'}
            </Fact>
          </dl>
        </Card>
      </div>
      <VersionCard status={data} />
      <ScrapeConfig />
      <Card title="Flags">
        <FlagsTable flags={flags} />
      </Card>
    </>
  );
}
