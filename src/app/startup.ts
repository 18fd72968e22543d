import { loadConfig, type AppConfig } from '../config/config';
import { discoverGatewayBase } from '../gateway/discover';

/** What the app needs before it can draw: its run-time configuration and the gateway's base URL. */
export interface Startup {
  config: AppConfig;
  gatewayBase: string;
}

/**
 * Requests the run-time configuration, then finds the gateway's base URL. Each call asks again:
 * the entry (src/main.tsx) calls it once, as soon as it runs (beside the first poll), so both are
 * ready by the time the rest of the app has loaded, and hands the promise to the data source and
 * to boot. No module holds it.
 */
export const requestStartup = (): Promise<Startup> =>
  loadConfig().then(async (config) => ({
    config,
    gatewayBase: await discoverGatewayBase(document.baseURI, config.gatewayBase),
  }));
