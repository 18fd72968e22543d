import { isRecord } from '../../core/validate';

/** Where the gateway's API may sit relative to the app: beside it, or one or two levels up. */
export const CANDIDATE_BASES = ['./', '../', '../../'] as const;

/** The gateway serves local assets only under its `static/`: the API is two levels up from there. */
const IN_GATEWAY = /\/static\/pushboard\/(index\.html)?$/;

/**
 * Finds the gateway's base URL at run time, so one build works at `/`, under a reverse proxy's
 * sub-path, or inside the gateway's own static folder. A configured base wins (config.json's
 * `gatewayBase`, or the `Pushboard-Gateway-Base` header a proxy sends with it); then the gateway's
 * own static folder, which says where the API is; only otherwise the candidates are probed (each
 * miss a 404 in the console) for the first whose `api/v1/status` answers like a Pushgateway; failing
 * all, the app's own base (and the page's alert then says what failed).
 */
export async function discoverGatewayBase(pageBase: string, configured?: string): Promise<string> {
  if (configured) return new URL(configured, pageBase).href;
  if (IN_GATEWAY.test(new URL(pageBase).pathname)) return new URL('../../', pageBase).href;
  for (const candidate of CANDIDATE_BASES) {
    const base = new URL(candidate, pageBase).href;
    if (await answersAsGateway(base)) return base;
  }
  return new URL('./', pageBase).href;
}

async function answersAsGateway(base: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('api/v1/status', base), { headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return isRecord(body) && body.status === 'success' && isRecord(body.data) && 'build_information' in body.data;
  } catch {
    return false;
  }
}
