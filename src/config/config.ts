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
  /**
   * Set by the pushboard server only when it follows several gateways: each one's name, the base
   * of its proxied API relative to the app (`-/gateways/NAME/`) and its address (no credentials).
   * Absent with one gateway: every screen then looks as it always has.
   */
  gateways?: GatewayInfo[];
}

export interface GatewayInfo {
  name: string;
  base: string;
  address?: string;
}

const GATEWAY_NAME = /^[A-Za-z0-9_.-]+$/;

/** The `gateways` list of config.json, or undefined unless it names at least two valid gateways. */
function parseGateways(json: unknown): GatewayInfo[] | undefined {
  if (!Array.isArray(json)) return undefined;
  const list: GatewayInfo[] = [];
  for (const item of json) {
    if (!isRecord(item) || typeof item.name !== 'string' || !GATEWAY_NAME.test(item.name)) return undefined;
    if (typeof item.base !== 'string' || !item.base.endsWith('/')) return undefined;
    list.push({
      name: item.name,
      base: item.base,
      ...(typeof item.address === 'string' && URL.canParse(item.address) ? { address: item.address } : {}),
    });
  }
  return list.length >= 2 ? list : undefined;
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
    ...(parseGateways(json.gateways) ? { gateways: parseGateways(json.gateways)! } : {}),
  };
}

/**
 * The configuration the Pushboard server put in the page (`<script type="application/json"
 * id="pushboard-config">`, the same as its config.json), read once; undefined elsewhere.
 */
function embeddedConfig(): AppConfig | undefined {
  const element = globalThis.document?.getElementById('pushboard-config');
  if (!element) return undefined;
  element.remove();
  try {
    return parseConfig(JSON.parse(element.textContent ?? ''));
  } catch {
    return undefined;
  }
}

/** The page's own configuration when the server gave it one, else config.json's, else the defaults. */
export async function loadConfig(): Promise<AppConfig> {
  const embedded = embeddedConfig();
  if (embedded) return embedded;
  try {
    const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_CONFIG;
    const config = parseConfig(await response.json());
    // A reverse proxy that serves the app beside the gateway can say where the gateway's API is
    // (deploy/nginx.conf does), so the app need not probe for it; config.json's own setting wins.
    const base = response.headers.get('Pushboard-Gateway-Base');
    return base && !config.gatewayBase ? { ...config, gatewayBase: base } : config;
  } catch {
    return DEFAULT_CONFIG;
  }
}

/** Served by the Pushboard server (which marks its page), not as static files or by the gateway. */
export const servedByServer = () => Boolean(globalThis.document?.querySelector('meta[name="pushboard-events"]'));
