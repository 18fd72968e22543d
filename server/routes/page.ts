/** The app itself: its run-time configuration (config.json, and in the page), its page and its files. */
import path from 'node:path';
import expressStaticGzip from 'express-static-gzip';
import type { Router } from 'express';
import { encodeConfig, type ConfigMessage } from '../../core/wire/config.ts';
import type { AppGateway } from '../app-options.ts';
import { pageHandler } from '../page.ts';
import { publicAddress } from '../proxy.ts';
import type { Services } from '../services.ts';
import { GATEWAYS_PATH } from './gateways.ts';

export interface PageSettings {
  readOnly: boolean;
  staleThreshold?: string;
  pollIntervalMs?: number;
}

/** The app's run-time configuration, from the server's flags (the message of core/wire/config.ts). */
export function appConfig(gateways: readonly AppGateway[], settings: PageSettings): ConfigMessage {
  const { readOnly, staleThreshold, pollIntervalMs } = settings;
  return encodeConfig({
    readOnly,
    staleThreshold: staleThreshold || undefined,
    pollIntervalMs: pollIntervalMs || undefined,
    gatewayBase: './',
    ...(gateways.length > 1
      ? {
          gateways: gateways.map((g) => ({
            name: g.name,
            base: `${GATEWAYS_PATH}${g.name}/`,
            address: publicAddress(g.url),
          })),
        }
      : { gatewayAddress: publicAddress(gateways[0].url) }),
    // The server holds the gateway's state: the app follows its stream instead of polling.
    events: '-/pushboard/events',
  });
}

/** config.json: the app's configuration, never cached. */
export function configRoutes(router: Router, { config }: { config: () => ConfigMessage }): void {
  router.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(config());
  });
}

/** The page (with its configuration and the stream's first snapshot in it), then the build's files. */
export function pageRoutes(
  router: Router,
  { distDir, config, state }: { distDir: string; config: () => ConfigMessage; state: Services['state'] },
): void {
  router.get(['/', '/index.html'], pageHandler({ distDir, config, first: state.stream.first }));

  // The build's gzip copies where the browser accepts gzip (compression() leaves those alone).
  const statics = expressStaticGzip(distDir, {
    index: 'index.html',
    serveStatic: {
      index: 'index.html',
      // No directory redirects: serve-static writes them with its own CSP.
      redirect: false,
      setHeaders: (res, file) => {
        // Hashed assets never change; everything else must be revalidated.
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });
  // The compiled server lives in the build too (dist/server/): it is no file of the app's. The
  // path as the static handler reads it: decoded (server%2Fcli.js) and normalized.
  const serverCode = (urlPath: string) => {
    try {
      return path.posix.normalize(decodeURIComponent(urlPath)).startsWith('/server/');
    } catch {
      return false;
    }
  };
  router.use((req, res, next) => (serverCode(req.path) ? next() : statics(req, res, next)));
}
