/** The server's own reads of the gateway, with the credentials from its files. */
import http from 'node:http';
import https from 'node:https';
import { GatewayError, httpError } from '../../core/gateway-read';
import { gatewayAccess, publicAddress, type GatewayCredentials } from '../proxy.js';

/** The User-Agent of the server's own reads of a gateway (the proxy never sends one of its own). */
export const SERVER_USER_AGENT = 'Pushboard';

export interface FetchAnswer {
  text: string;
  /** Bytes received (compressed or not, as sent). */
  bytes: number;
}

/**
 * The server's own requests to the gateway (its polls, and the prune rules' deletes): with the
 * server's credentials, the answer as text, and every failure as the GatewayError the browser's
 * client would have made of it.
 */
export function gatewayClient(gatewayUrl: URL, credentials: GatewayCredentials = {}, timeoutMs = 30_000) {
  return httpClient(gatewayUrl, credentials, { timeoutMs, name: 'the Pushgateway', httpFailure: httpError });
}

/**
 * The same for any HTTP API the server reads with credentials from files (the gateway, and
 * Prometheus): `name` says whom it could not reach, `httpFailure` words a non-2xx answer.
 */
export function httpClient(
  gatewayUrl: URL,
  credentials: GatewayCredentials,
  {
    timeoutMs,
    name,
    httpFailure,
  }: {
    timeoutMs: number;
    name: string;
    httpFailure: (path: string, code: number, statusText: string, body: string) => Error;
  },
) {
  const access = gatewayAccess(credentials);
  const address = publicAddress(gatewayUrl);
  /** The same words as the proxy's 502, so both ways of reading the gateway fail alike. */
  const network = (error: NodeJS.ErrnoException) =>
    new GatewayError('network', `Pushboard could not reach ${name} at ${address}: ${error.code ?? error.message}`);
  const client = gatewayUrl.protocol === 'https:' ? https : http;
  const agent =
    gatewayUrl.protocol === 'https:'
      ? new https.Agent({ keepAlive: true, ca: access.ca, rejectUnauthorized: access.rejectUnauthorized })
      : new http.Agent({ keepAlive: true });
  const send = (method: string, path: string): Promise<FetchAnswer & { status: number }> =>
    new Promise((resolve, reject) => {
      const request = client.request(
        new URL(path, gatewayUrl),
        {
          method,
          agent,
          timeout: timeoutMs,
          headers: {
            Accept: 'application/json',
            // The server's own reads say so, in the gateway's logs and to a recording test double.
            'User-Agent': SERVER_USER_AGENT,
            ...(access.authorization ? { Authorization: access.authorization } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            bytes += chunk.length;
          });
          response.on('error', (error) => reject(network(error)));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const code = response.statusCode ?? 0;
            if (code < 200 || code > 299) reject(httpFailure(path, code, response.statusMessage ?? '', text));
            else resolve({ text, bytes, status: code });
          });
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      request.on('error', (error) => reject(network(error)));
      request.end();
    });
  return { get: (path: string): Promise<FetchAnswer> => send('GET', path), send };
}
