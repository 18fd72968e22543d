import type { ReactNode } from 'react';
import type { GatewayInfo } from '../config/config';
import { useGatewayReady, useGatewayStatus } from '../gateway/status-query';
import { Card } from '../components/Card';
import { StateMark } from '../components/state';
import { button } from '../components/styles';
import { gatewayHeadingId } from './GatewaySection';

const COLUMNS = ['Gateway', 'Version', 'Ready', 'Admin API', 'Persistence'];
const CELL = 'px-2 py-1 text-left';

/** Every gateway in one line each, and a way to its section (the page's hash is its route). */
export function GatewaysOverview({ gateways }: { gateways: readonly GatewayInfo[] }) {
  return (
    <Card title="Overview">
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Every gateway at a glance</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} className={`${CELL} text-xs font-medium text-slate-500 dark:text-slate-400`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gateways.map(({ name }) => (
              <OverviewRow key={name} name={name} />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function OverviewRow({ name }: { name: string }) {
  const status = useGatewayStatus(name);
  const ready = useGatewayReady(name);
  const data = status.data;
  const missing = status.error ? 'unreachable' : 'checking…';
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800">
      <th scope="row" className={`${CELL} font-normal`}>
        <button
          type="button"
          aria-label={`Go to ${name}`}
          className={button('quiet', 'font-mono')}
          onClick={() => goTo(name)}
        >
          {name}
        </button>
      </th>
      <td className={CELL}>{data ? data.build.version || 'unknown' : missing}</td>
      <td className={CELL}>
        {ready.isPending ? (
          'checking…'
        ) : ready.isError ? (
          <Marked state="failed">not ready</Marked>
        ) : (
          <Marked state="fresh">ready</Marked>
        )}
      </td>
      <td className={CELL}>{data ? (data.adminApiEnabled ? 'enabled' : 'disabled') : missing}</td>
      <td className={CELL}>{data ? (data.persistenceFile ? 'on' : 'off') : missing}</td>
    </tr>
  );
}

const Marked = ({ state, children }: { state: 'fresh' | 'failed'; children: ReactNode }) => (
  <>
    <StateMark state={state} /> {children}
  </>
);

/** Moves to a gateway's section: to its heading, which takes the focus so the keyboard carries on from there. */
function goTo(name: string) {
  const heading = document.getElementById(gatewayHeadingId(name));
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus({ preventScroll: true });
}
