import type { ReactNode } from 'react';
import type { GatewayStatus } from '../gateway/status';
import { ConnectionAlert } from '../polling/ConnectionAlert';
import { formatDuration, formatExactTime, parseTimestamp } from '../lib/format';
import { useNow } from '../lib/useNow';
import { useGatewayReady, useGatewayStatus } from './api';
import { FlagsTable } from './FlagsTable';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(8rem,14rem)_1fr] gap-2 border-t border-slate-100 dark:border-slate-800 py-1.5 first:border-t-0">
      <dt className="text-sm text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="text-sm text-slate-900 dark:text-slate-50 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3"
    >
      <h2 className="mb-2 font-semibold text-slate-800 dark:text-slate-100">{title}</h2>
      {children}
    </section>
  );
}

export function StatusPage() {
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
      <Card title="Flags">
        <FlagsTable flags={flags} />
      </Card>
    </>
  );
}
