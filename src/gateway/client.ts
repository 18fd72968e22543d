/**
 * The thin gateway client: every URL is built relative to one base (the app's own address by
 * default, so the same build works behind any path prefix), and every failure becomes a
 * `GatewayError` whose message is a plain sentence.
 */
import { GatewayError, httpError, readJson } from '../../core/gateway-read';

export { GatewayError, httpError, readJson, type GatewayErrorKind } from '../../core/gateway-read';

/**
 * A client of the gateway at `base` (ending in `/`; the app's own base when undefined) and, with a
 * server following several, of each of `gateways` (config.json's `gateways`: each one's proxied
 * API's base relative to the app). It holds what it was made with and nothing else, and this
 * module holds nothing: the page makes one at start-up and hands it down (GatewayClientContext,
 * and the data source); the shared poll's worker makes one per read of the base it was given.
 */
export function createGatewayClient(base?: string, gateways: ReadonlyArray<{ name: string; base: string }> = []) {
  const gatewayBases = new Map(gateways.map((g) => [g.name, g.base]));

  /** Absolute URL of a gateway path such as `api/v1/metrics` (never starting with `/`). */
  const url = (path: string): string => new URL(path, base ?? document.baseURI).href;

  /**
   * A gateway path on the named gateway (a group's `gateway`): `-/gateways/eu-1/api/v1/status`.
   * Without a name (one gateway), the path as it is.
   */
  const onGateway = (gateway: string | undefined, path: string): string => {
    if (gateway === undefined) return path;
    const named = gatewayBases.get(gateway);
    if (named === undefined) throw new GatewayError('http', `No gateway is named "${gateway}".`);
    return `${named}${path}`;
  };

  async function request(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url(path), { ...init, headers: { Accept: 'application/json', ...init.headers } });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new GatewayError('network', `Network error: could not reach the gateway for ${path}.`);
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw httpError(path, response.status, response.statusText, body, response.headers.get('Retry-After'));
    }
    return response;
  }

  /** GETs a JSON endpoint's text, unparsed: for timing the fetch apart from the parse. */
  async function getJsonText(path: string, signal?: AbortSignal): Promise<string> {
    const response = await request(path, { signal });
    return response.text();
  }

  return {
    url,
    onGateway,
    getJsonText,
    /** GETs JSON and validates it with `parse`, which throws `ResponseShapeError` on a wrong shape. */
    async getJson<T>(path: string, parse: (json: unknown) => T, signal?: AbortSignal): Promise<T> {
      return readJson(await getJsonText(path, signal), path, parse);
    },
    /**
     * Sends a change (DELETE a group, PUT a group's text exposition or protobuf, PUT the wipe).
     * Resolves on 2xx; rejects with a GatewayError whose message carries the gateway's own reason
     * otherwise.
     */
    async send(
      path: string,
      method: 'PUT' | 'POST' | 'DELETE',
      body?: string | Uint8Array<ArrayBuffer>,
      contentType = 'text/plain; version=0.0.4',
    ): Promise<void> {
      const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': contentType };
      await request(path, { method, body, headers: { Accept: 'text/plain', ...headers } });
    },
    /** GETs a plain-text endpoint such as `-/ready`; resolves to its text, rejects on non-2xx. */
    async getText(path: string, signal?: AbortSignal): Promise<string> {
      const response = await request(path, { signal, headers: { Accept: 'text/plain' } });
      return response.text();
    },
    /** GETs a binary answer (the gateway's `/metrics` in protobuf) as bytes; rejects on non-2xx. */
    async getBytes(path: string, accept: string, signal?: AbortSignal): Promise<Uint8Array> {
      const response = await request(path, { signal, headers: { Accept: accept } });
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
