/**
 * The gateway builds the end-to-end suite runs against, one Playwright project each
 * (playwright.config.ts). 1.5.1 is Debian bookworm's package; 1.11.0 is Debian trixie's, fetched
 * into .cache/ by `bash scripts/setup.sh --test` (scripts/fetch-gateway.sh).
 */
import path from 'node:path';

export interface GatewayBuild {
  version: string;
  /** The program to run. */
  binary: string;
  /** Its packaged page and assets (the default of its --web.local-assets). */
  assets: string;
  /** Takes --push.enable-utf8-names and protobuf native histograms (1.11+). */
  newer: boolean;
  /**
   * Whether a push refused by the consistency check gets its 400 answer. Debian's 1.11.0 panics
   * while logging the refusal (its logger trips over the "source" field), so the connection
   * closes with no answer at all; the group is marked failed all the same.
   */
  answersRefusals: boolean;
}

const cached = (version: string) => path.resolve(`.cache/pushgateway-${version}`);

export const GATEWAY_BUILDS = {
  '1.5.1': {
    version: '1.5.1',
    binary: 'prometheus-pushgateway',
    assets: '/usr/share/prometheus/pushgateway',
    newer: false,
    answersRefusals: true,
  },
  '1.11.0': {
    version: '1.11.0',
    binary: path.join(cached('1.11.0'), 'usr/bin/prometheus-pushgateway'),
    assets: path.join(cached('1.11.0'), 'usr/share/prometheus/pushgateway'),
    newer: true,
    answersRefusals: false,
  },
} satisfies Record<string, GatewayBuild>;

export type GatewayVersion = keyof typeof GATEWAY_BUILDS;
