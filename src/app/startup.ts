import { loadConfig, type AppConfig } from '../config/config';
import { discoverGatewayBase } from '../gateway/discover';

/**
 * The run-time configuration and the gateway's base URL, requested as soon as the entry runs
 * (beside the first poll), so they are ready by the time the rest of the app has loaded.
 */
let started: Promise<{ config: AppConfig; gatewayBase: string }> | undefined;

export const startup = () =>
  (started ??= loadConfig().then(async (config) => ({
    config,
    gatewayBase: await discoverGatewayBase(document.baseURI, config.gatewayBase),
  })));
