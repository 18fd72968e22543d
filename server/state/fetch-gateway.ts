/** The server's own reads of the gateway, with the credentials from its files. */
import http from 'node:http';
import https from 'node:https';
import { GatewayError, httpError } from '../../core/gateway-read';
import { maskCredentials, safeExcerpt } from '../../core/redact';
import { gatewayAccess, publicAddress, type GatewayCredentials } from '../proxy.ts';

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
    log = console.error,
  }: {
    timeoutMs: number;
    name: string;
    /** Words a non-2xx answer; `body` is already a safe excerpt (core/redact.ts), `statusText` Node's own. */
    httpFailure: (path: string, code: number, statusText: string, body: string) => Error;
    /** Where the full body of a failed answer goes (masked), never to viewers. */
    log?: (line: string) => void;
  },
) {
  const access = gatewayAccess(credentials);
  const address = publicAddress(gatewayUrl);
  /** The same words as the proxy's 502, so both ways of reading the gateway fail alike. */
  const network = (error: NodeJS.ErrnoException) =>
    new GatewayError('network', `Pushboard could not reach ${name} at ${address}: ${error.code ?? error.message}`);
  const client = gatewayUrl.protocol === 'https:' ? https : http;
  /** The last failed answer logged: a gateway that fails every poll is logged once, until it changes. */
  let logged = '';
  /**
   * A failed answer as facts: its status code, the reason phrase Node knows for it (not the one
   * sent, which is the answerer's text), and a safe excerpt of the body; the whole body, masked,
   * goes to the server's log alone.
   */
  const failure = (path: string, code: number, body: string) => {
    const full = access.secrets.reduce((text, secret) => text.split(secret).join('…'), body.slice(0, 65_536));
    const line = `pushboard: ${name} at ${address} answered ${code} for ${path}: ${maskCredentials(full)}`;
    if (line !== logged) log(line);
    logged = line;
    return httpFailure(path, code, http.STATUS_CODES[code] ?? '', safeExcerpt(body, 200, access.secrets));
  };
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
            if (code < 200 || code > 299) return reject(failure(path, code, text));
            logged = '';
            resolve({ text, bytes, status: code });
          });
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      request.on('error', (error) => reject(network(error)));
      request.end();
    });
  return { get: (path: string): Promise<FetchAnswer> => send('GET', path), send };
}
