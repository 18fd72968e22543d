/**
 * Loading the dashboard's run-time configuration in the browser. The message itself (its type,
 * defaults and decoder) is the wire protocol's: core/wire/config.ts.
 */
import { DEFAULT_CONFIG, decodeConfig, type AppConfig } from '../../core/wire/config';

export { DEFAULT_CONFIG, type AppConfig, type GatewayInfo } from '../../core/wire/config';

/**
 * The configuration the Pushboard server put in the page (`<script type="application/json"
 * id="pushboard-config">`, the same as its config.json), read once; undefined elsewhere.
 */
function embeddedConfig(): AppConfig | undefined {
  const element = globalThis.document?.getElementById('pushboard-config');
  if (!element) return undefined;
  element.remove();
  try {
    return decodeConfig(JSON.parse(element.textContent ?? ''));
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
    const config = decodeConfig(await response.json());
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
