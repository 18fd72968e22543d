/**
 * The page's run-time configuration: `config.json` next to index.html and the
 * `<script type="application/json" id="pushboard-config">` the server puts in its page, written by
 * the Pushboard server from its flags (server/routes/page.ts) or edited by hand in a static
 * deployment, and read by the page (src/config/config.ts). Missing means defaults.
 */
import { isRecord } from '../validate';

/** The configuration as the page holds it. */
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

/**
 * The configuration as it crosses the wire: every field may be left out (the page then has its
 * default), and a page ignores the fields it does not know.
 */
export interface ConfigMessage extends Partial<AppConfig> {
  /**
   * The server's stream (`-/pushboard/events`), which the page follows instead of polling the
   * gateway. Sent by the Pushboard server; the page finds the stream through its page's
   * `<meta name="pushboard-events">` and does not read this.
   */
  events?: string;
}

export const DEFAULT_CONFIG: AppConfig = { readOnly: false, staleThreshold: '1h', pollIntervalMs: 5000 };

const GATEWAY_NAME = /^[A-Za-z0-9_.-]+$/;

/** The `gateways` list, or undefined unless it names at least two valid gateways. */
function decodeGateways(json: unknown): GatewayInfo[] | undefined {
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

/**
 * The page's configuration from config.json's content (or the page's): unknown keys are ignored,
 * wrong types fall back to defaults, and anything but an object is the defaults. Never throws: a
 * hand-edited config.json must not keep the dashboard from drawing.
 */
export function decodeConfig(json: unknown): AppConfig {
  if (!isRecord(json)) return DEFAULT_CONFIG;
  const gateways = decodeGateways(json.gateways);
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
    ...(gateways ? { gateways } : {}),
  };
}

/**
 * The configuration as the server writes it: the fields in one order, and those it does not set
 * left out (not written as null), so the page has its defaults for them.
 */
export function encodeConfig(config: ConfigMessage): ConfigMessage {
  const { readOnly, staleThreshold, pollIntervalMs, gatewayBase, gatewayAddress, gateways, events } = config;
  return {
    ...(readOnly !== undefined ? { readOnly } : {}),
    ...(staleThreshold !== undefined ? { staleThreshold } : {}),
    ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
    ...(gatewayBase !== undefined ? { gatewayBase } : {}),
    ...(gatewayAddress !== undefined ? { gatewayAddress } : {}),
    ...(gateways !== undefined
      ? {
          gateways: gateways.map(({ name, base, address }) => ({
            name,
            base,
            ...(address !== undefined ? { address } : {}),
          })),
        }
      : {}),
    ...(events !== undefined ? { events } : {}),
  };
}
