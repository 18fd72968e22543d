import { createContext, useContext } from 'react';
import { ExactTime, TimeAgo } from '../components/TimeAgo';
import type { GatewayDown } from '../data';

/** The gateways down while others answer, by name: their groups' chips say so. */
export const GatewaysDownContext = createContext<ReadonlyMap<string, GatewayDown>>(new Map());

export const useGatewayDown = (gateway: string | undefined) =>
  useContext(GatewaysDownContext).get(gateway ?? '') ?? null;

/**
 * With several gateways, one down while the others answer: the alert names it and says what its
 * groups below are (its last good data); the other gateways' groups stay live.
 */
export function GatewaysDownAlert({ down }: { down: readonly GatewayDown[] }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 px-4 py-3 text-sm text-red-900 dark:text-red-200"
    >
      {down.map((g) => (
        <div key={g.name} className="[&+&]:mt-2">
          <p className="font-semibold">
            Cannot load data from the gateway <bdi className="font-mono">{g.name}</bdi>.
          </p>
          <p className="mt-1 [overflow-wrap:anywhere]">{g.message}</p>
          <p className="mt-1">
            {g.lastSuccess !== null ? (
              <>
                Its groups below are its last good data, from <ExactTime ms={g.lastSuccess} /> (
                <TimeAgo ms={g.lastSuccess} />
                ).
              </>
            ) : (
              'It has not answered since the server started: none of its groups are shown.'
            )}{' '}
            The other gateways are live. Retrying automatically.
          </p>
        </div>
      ))}
    </div>
  );
}

/** On a group of a gateway that is down: its data is that gateway's last good data. */
export function GatewayDownMark({ gateway }: { gateway: string | undefined }) {
  const down = useGatewayDown(gateway);
  if (!down) return null;
  return (
    <span className="inline-flex items-center gap-1 rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 px-1.5 py-0.5 text-xs text-red-900 dark:text-red-200">
      <span aria-hidden="true">⚠</span>
      {down.lastSuccess !== null ? (
        <span>
          Gateway down: data from <TimeAgo ms={down.lastSuccess} />
        </span>
      ) : (
        <span>Gateway down</span>
      )}
    </span>
  );
}
