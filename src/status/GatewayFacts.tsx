import type { UseQueryResult } from '@tanstack/react-query';
import type { GatewayStatus } from '../gateway/status';
import { formatDuration, parseTimestamp } from '../lib/format';
import { ExactTime } from '../components/TimeAgo';
import { Fact } from '../components/Card';
import { Titled } from './Titled';

/** Whether the gateway answers `-/ready`. */
export function Readiness({ ready, level }: { ready: UseQueryResult<string, Error>; level: 2 | 3 }) {
  return (
    <Titled level={level} title="Readiness">
      <p className="text-sm">
        {ready.isPending
          ? 'Checking…'
          : ready.isError
            ? `Not ready: ${ready.error.message}`
            : 'Ready: the gateway accepts pushes and reads.'}
      </p>
    </Titled>
  );
}

/** The gateway's build, and how it runs: since when, with the admin API or not, persisting or not. */
export function BuildAndRuntime({ data, now, level }: { data: GatewayStatus; now: number; level: 2 | 3 }) {
  const started = parseTimestamp(data.startTime);
  const { build, flags } = data;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Titled level={level} title="Build">
        <dl>
          <Fact term="Version">{build.version || 'unknown'}</Fact>
          <Fact term="Revision">{build.revision}</Fact>
          <Fact term="Branch">{build.branch}</Fact>
          <Fact term="Build user">{build.buildUser}</Fact>
          <Fact term="Build date">{build.buildDate}</Fact>
          <Fact term="Go version">{build.goVersion}</Fact>
        </dl>
      </Titled>
      <Titled level={level} title="Runtime">
        <dl>
          <Fact term="Started">
            <ExactTime ms={started} />
          </Fact>
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
      </Titled>
    </div>
  );
}
