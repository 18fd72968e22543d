import { isRecord } from '../gateway/validate';

/**
 * The dashboard's run-time configuration: `config.json` next to index.html, written by the
 * pushboard server from its flags or edited by hand in a static deployment. Missing means defaults.
 */
export interface AppConfig {
  /** Hide every destructive action (for dashboards on shared screens). */
  readOnly: boolean;
  /** Default staleness threshold, e.g. "1h". */
  staleThreshold: string;
}

export const DEFAULT_CONFIG: AppConfig = { readOnly: false, staleThreshold: '1h' };

/** Validates config.json's content; unknown keys are ignored, wrong types fall back to defaults. */
export function parseConfig(json: unknown): AppConfig {
  if (!isRecord(json)) return DEFAULT_CONFIG;
  return {
    readOnly: typeof json.readOnly === 'boolean' ? json.readOnly : DEFAULT_CONFIG.readOnly,
    staleThreshold: typeof json.staleThreshold === 'string' ? json.staleThreshold : DEFAULT_CONFIG.staleThreshold,
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
