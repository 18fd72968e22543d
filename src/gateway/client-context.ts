import { createContext, useContext } from 'react';
import type { GatewayClient } from './client';

/**
 * The page's gateway client, made once at start-up (boot.tsx) from config.json and the gateway's
 * discovered base, and provided at the app's root. No default: a component rendered without one
 * says so at once, rather than reaching some gateway nobody chose.
 */
export const GatewayClientContext = createContext<GatewayClient | null>(null);

/** The gateway client the app was given at its root. */
export function useGatewayClient(): GatewayClient {
  const client = useContext(GatewayClientContext);
  if (!client) throw new Error('No gateway client: render inside <GatewayClientContext value={client}>.');
  return client;
}
