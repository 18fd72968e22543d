import { isRecord } from '../../core/validate';

/**
 * The dashboard's run-time configuration: `config.json` next to index.html, written by the
 * pushboard server from its flags or edited by hand in a static deployment. Missing means defaults.
 */
export interface AppConfig {
  /** Hide every destructive action (for dashboards on shared screens). */
  readOnly: boolean;
  /** Default staleness threshold, e.g. "1h". */
  staleThreshold: string;
  /** Default refresh interval in milliseconds (a person's own choice in the browser wins). */
  pollIntervalMs: number;
  /** The gateway's API base relative to the app (e.g. "../"); found by probing when absent. */
  gatewayBase?: string;
  /** The gateway's own address, for the scrape config (set by the pushboard server; never with credentials). */
  gatewayAddress?: string;
}

export const DEFAULT_CONFIG: AppConfig = { readOnly: false, staleThreshold: '1h', pollIntervalMs: 5000 };

/** Validates config.json's content; unknown keys are ignored, wrong types fall back to defaults. */
export function parseConfig(json: unknown): AppConfig {
  if (!isRecord(json)) return DEFAULT_CONFIG;
  return {
    readOnly: typeof json.readOnly === 'boolean' ? json.readOnly : DEFAULT_CONFIG.readOnly,
    staleThreshold: typeof json.staleThreshold === 'string' ? json.staleThreshold : DEFAULT_CONFIG.staleThreshold,
    pollIntervalMs:
      typeof json.pollIntervalMs === 'number' && json.pollIntervalMs >= 1000
        ? json.pollIntervalMs
        : DEFAULT_CONFIG.pollIntervalMs,
    ...(typeof json.gatewayBase === 'string' && json.gatewayBase ? { gatewayBase: json.gatewayBase } : {}),
    ...(typeof json.gatewayAddress === 'string' && URL.canParse(json.gatewayAddress)
      ? { gatewayAddress: json.gatewayAddress }
      : {}),
  };
}

export async function loadConfig(): Promise<AppConfig> {
  try {
    const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_CONFIG;
    return parseConfig(await response.json());
  } catch {
    return DEFAULT_CONFIG;
  }
}

/** Served by the Pushboard server (which marks its page), not as static files or by the gateway. */
export const servedByServer = () => Boolean(globalThis.document?.querySelector('meta[name="pushboard-events"]'));
