/**
 * The pushed part of the gateway's `/metrics`, in delimited protobuf, for the page's Undo: the
 * one place that holds every half of what clients pushed (a histogram's classic AND native
 * buckets; the JSON API shows one or the other depending on the gateway's version). The page asks
 * for it when a delete is confirmed and pushes a group's part back on Undo.
 *
 * The gateway's `/metrics` itself stays unreachable through Pushboard: this answers only the
 * series of pushed groups (those with a `job` label), never the gateway's own metrics.
 */
import http from 'node:http';
import https from 'node:https';
import type { RequestHandler } from 'express';
import { PROTOBUF_ACCEPT, readDelimited, writeDelimited } from '../core/protobuf-families';
import { safeExcerpt } from '../core/redact';
import { gatewayAccess, publicAddress, type GatewayCredentials } from './proxy.ts';

const CONTENT_TYPE = 'application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited';

/** The gateway's `/metrics` as bytes, read with the server's credentials. */
function readMetrics(gatewayUrl: URL, credentials: GatewayCredentials, timeoutMs: number): Promise<Buffer> {
  const access = gatewayAccess(credentials);
  const client = gatewayUrl.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      new URL('metrics', gatewayUrl),
      {
        timeout: timeoutMs,
        ca: access.ca,
        rejectUnauthorized: access.rejectUnauthorized,
        headers: { Accept: PROTOBUF_ACCEPT, ...(access.authorization ? { Authorization: access.authorization } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(new Error(`could not read /metrics: ${error.message}`)));
        response.on('end', () => {
          const code = response.statusCode ?? 0;
          const type = response.headers['content-type'] ?? '';
          const at = `the Pushgateway at ${publicAddress(gatewayUrl)}`;
          if (code < 200 || code > 299) reject(new Error(`${at} answered ${code} for /metrics`));
          else if (!type.includes('encoding=delimited'))
            reject(new Error(`${at} answered /metrics as "${safeExcerpt(type, 100)}", not as delimited protobuf`));
          else resolve(Buffer.concat(chunks));
        });
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(`could not reach the Pushgateway at ${publicAddress(gatewayUrl)}: ${error.code ?? error.message}`),
      ),
    );
    request.end();
  });
}

/** Only the pushed groups' series: those with a job label (the gateway's own metrics have none). */
export function pushedOnly(bytes: Uint8Array): Uint8Array {
  const families = readDelimited(bytes)
    .map((f) => ({ ...f, metrics: f.metrics.filter((m) => m.labels.job !== undefined) }))
    .filter((f) => f.metrics.length > 0);
  return writeDelimited(families);
}

/** GET (and HEAD) of the pushed part of one gateway's `/metrics`. */
export function pushedProtobuf(
  gatewayUrl: URL,
  credentials: GatewayCredentials = {},
  timeoutMs = 30_000,
): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    readMetrics(gatewayUrl, credentials, timeoutMs)
      .then((bytes) => res.type(CONTENT_TYPE).send(Buffer.from(pushedOnly(bytes))))
      .catch((error: Error) => res.status(502).type('text/plain').send(`${error.message}\n`));
  };
}
