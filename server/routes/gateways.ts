/**
 * The gateways' own API, proxied: at the root with one gateway; with several, each one's under
 * `-/gateways/NAME/` and none at the root, where it would be a guess which.
 */
import type { RequestHandler, Router } from 'express';
import { PUSHED_PROTOBUF_PATH } from '../../core/protobuf-families.ts';
import type { AppGateway } from '../app-options.ts';
import { bodyCap, gatewayProxy, isProxied } from '../proxy.ts';
import { pushedProtobuf } from '../pushed-protobuf.ts';
import { SAFE_METHODS } from '../security.ts';
import type { Log, Services } from '../services.ts';
import { refuse } from './gates.ts';

/** With several gateways, each one's API is proxied under this path and its name (relative to the app). */
export const GATEWAYS_PATH = '-/gateways/';

export function gatewayRoutes(
  router: Router,
  {
    gateways,
    state,
    maxBodyBytes,
    log,
  }: { gateways: readonly AppGateway[]; state: Services['state']; maxBodyBytes: number; log: Log },
): void {
  const multi = gateways.length > 1;
  const cap = bodyCap(maxBodyBytes, log);
  const proxied = (gateway: AppGateway): RequestHandler => {
    const proxy = gatewayProxy({
      gatewayUrl: gateway.url,
      credentials: gateway.credentials,
      log: multi ? (line) => log(`${line} (gateway ${gateway.name})`) : log,
      onChange: () => state.changed(gateway.name),
    });
    // Undo's exact copy of a group: the pushed part of the gateway's /metrics, never all of it.
    const pushed = pushedProtobuf(gateway.url, gateway.credentials);
    return (req, res, next) => {
      if (req.path === `/${PUSHED_PROTOBUF_PATH}` && SAFE_METHODS.has(req.method)) return pushed(req, res, next);
      if (!isProxied(req.path)) return next();
      // The gateway's answers change with every push: never served from a cache.
      if (SAFE_METHODS.has(req.method)) res.setHeader('Cache-Control', 'no-cache');
      cap(req, res, () => proxy(req, res, next));
    };
  };
  if (!multi) {
    router.use(proxied(gateways[0]));
    return;
  }
  for (const gateway of gateways) router.use(`/${GATEWAYS_PATH}${gateway.name}`, proxied(gateway));
  router.use((req, res, next) => {
    if (!isProxied(req.path)) return next();
    refuse(
      res,
      404,
      `This server follows several gateways: each one's API is under ${GATEWAYS_PATH}NAME/ (${gateways.map((g) => g.name).join(', ')}).`,
    );
  });
}
