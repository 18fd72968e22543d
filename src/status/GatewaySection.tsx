import type { GatewayInfo } from '../config/config';
import { useGatewayReady, useGatewayStatus } from '../gateway/status-query';
import { useNow } from '../lib/useNow';
import { ExactTime, TimeAgo } from '../components/TimeAgo';
import { FlagsTable } from './FlagsTable';
import { VersionCard } from './VersionCard';
import { BuildAndRuntime, Readiness } from './GatewayFacts';

/** The id of a gateway's heading, which the overview's buttons move to. */
export const gatewayHeadingId = (name: string) => `status-gateway-${name}`;

/**
 * One gateway's status with several gateways: what the page shows for a single one, in a section
 * of its own. A gateway that does not answer says so here; the other sections are not affected.
 */
export function GatewaySection({ gateway }: { gateway: GatewayInfo }) {
  const { name, address } = gateway;
  const status = useGatewayStatus(name);
  const ready = useGatewayReady(name);
  const now = useNow();
  const data = status.data;
  const id = gatewayHeadingId(name);
  return (
    <section
      aria-labelledby={`${id}-name`}
      className="space-y-3 rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3"
    >
      <h2
        id={id}
        tabIndex={-1}
        className="flex flex-wrap items-baseline gap-x-2 font-semibold text-slate-800 dark:text-slate-100 outline-none"
      >
        <span id={`${id}-name`}>{name}</span>
        {address && (
          <span className="font-mono text-xs font-normal text-slate-500 dark:text-slate-400 [overflow-wrap:anywhere]">
            {address}
          </span>
        )}
      </h2>
      {status.error && <GatewayDown name={name} error={status.error} lastSuccess={status.dataUpdatedAt} />}
      {!data && !status.error && <p className="text-sm text-slate-500 dark:text-slate-400">Loading status…</p>}
      <Readiness ready={ready} level={3} />
      {data && (
        <>
          <BuildAndRuntime data={data} now={now} level={3} />
          <VersionCard status={data} level={3} />
          <details className="border-t border-slate-100 dark:border-slate-800 pt-2">
            <summary className="cursor-pointer text-sm font-semibold text-slate-800 dark:text-slate-100">
              Flags of {name}
            </summary>
            <FlagsTable flags={data.flags} caption={`Command-line flags of ${name}`} />
          </details>
        </>
      )}
    </section>
  );
}

/** The connection alert of one gateway: which one fails, why, and how old what is shown is. */
function GatewayDown({ name, error, lastSuccess }: { name: string; error: Error; lastSuccess: number }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-900 dark:text-red-200"
    >
      <p className="font-semibold">Cannot load the status of gateway {name}.</p>
      <p className="mt-1 [overflow-wrap:anywhere]">{error.message}</p>
      <p className="mt-1">
        {lastSuccess > 0 ? (
          <>
            Last successful update: <ExactTime ms={lastSuccess} /> (<TimeAgo ms={lastSuccess} />
            ). The status below is from then and may be out of date. Retrying automatically.
          </>
        ) : (
          'No status has been loaded yet. Retrying automatically; the other gateways are not affected.'
        )}
      </p>
    </div>
  );
}
