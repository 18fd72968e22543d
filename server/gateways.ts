/**
 * Which gateways the server follows, from its three sources: `--gateway` (repeatable), the
 * `gateways:` section of pushboard.yml, and PUSHGATEWAY_URL.
 *
 * - `--gateway` and a `gateways:` section together are refused: neither would be clearly meant.
 * - A `gateways:` section wins over PUSHGATEWAY_URL, which is only a default for `--gateway`
 *   (often set for a whole container or shell, so an explicit file is the more specific word).
 * - `--gateway-basic-auth-file` and the other credential flags belong to the gateways given with
 *   `--gateway` or PUSHGATEWAY_URL. A password is never sent to a gateway it was not given for: with
 *   several `--gateway`s, the basic-auth file is refused (name each one's in pushboard.yml), while
 *   a CA file and skipping verification, which give nothing away, apply to all of them. With a
 *   `gateways:` section the credential flags are refused, as each entry has its own.
 * - One gateway given without a name (`--gateway URL`, PUSHGATEWAY_URL) is named "default".
 *
 * Nothing given at all is an empty list: the caller then uses the embedded default gateway, as
 * today, as the one gateway "default".
 *
 * Order for a caller: read the `--gateway` names first (`parseGatewayFlags`), read the
 * configuration with them (`loadConfig(file, { gatewayNames })`, so prune rules may name them),
 * then call this.
 */
import type { Config } from './config';
import { DEFAULT_GATEWAY_NAME, parseGatewayFlags, parseGatewayUrl } from './options.ts';
import type { GatewayCredentials } from './proxy.ts';

export interface ResolvedGateway {
  name: string;
  url: URL;
  credentials: GatewayCredentials;
}

export interface GatewaySources {
  /** Every `--gateway` value, in the order given. */
  flagValues?: readonly string[];
  /** PUSHGATEWAY_URL; empty counts as unset, as it does today. */
  env?: string;
  config?: Config;
  /** `--gateway-basic-auth-file`, `--gateway-ca-file`, `--gateway-insecure-skip-verify`. */
  flagCredentials?: GatewayCredentials;
}

const FLAG_NAMES: Record<keyof GatewayCredentials, string> = {
  basicAuthFile: '--gateway-basic-auth-file',
  caFile: '--gateway-ca-file',
  insecureSkipVerify: '--gateway-insecure-skip-verify',
};

/** Credentials actually given: unset and false flags dropped. */
function given(credentials: GatewayCredentials): GatewayCredentials {
  return {
    ...(credentials.basicAuthFile ? { basicAuthFile: credentials.basicAuthFile } : {}),
    ...(credentials.caFile ? { caFile: credentials.caFile } : {}),
    ...(credentials.insecureSkipVerify ? { insecureSkipVerify: true } : {}),
  };
}

/** The gateways to follow, each with its name and credentials; throws one readable line. */
export function resolveGateways({
  flagValues = [],
  env,
  config,
  flagCredentials = {},
}: GatewaySources): ResolvedGateway[] {
  const credentials = given(flagCredentials);
  const configured = config?.gateways;
  if (configured) {
    if (flagValues.length > 0) {
      throw new Error(
        'gateways are given both with --gateway and in the configuration file\'s "gateways:": use one or the other',
      );
    }
    const flags = (Object.keys(credentials) as Array<keyof GatewayCredentials>).map((k) => FLAG_NAMES[k]);
    if (flags.length > 0) {
      throw new Error(
        `${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} to --gateway only: give each gateway of the configuration file its own basic_auth_file, ca_file or insecure_skip_verify`,
      );
    }
    return configured.map(({ name, url, credentials }) => ({ name, url, credentials }));
  }
  if (flagValues.length > 0) {
    const { gateways } = parseGatewayFlags(flagValues);
    if (gateways.length > 1 && credentials.basicAuthFile) {
      throw new Error(
        '--gateway-basic-auth-file cannot go with several --gateway: a password is sent only to the gateway it is for; give each its own basic_auth_file in the configuration file\'s "gateways:"',
      );
    }
    return gateways.map(({ name, url }) => ({ name, url, credentials }));
  }
  if (env) return [{ name: DEFAULT_GATEWAY_NAME, url: parseGatewayUrl(env), credentials }];
  return [];
}
