import { existsSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import getRawBody from 'raw-body';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { maskCredentials, safeExcerpt } from '../core/redact.ts';
import { SAFE_METHODS } from './security.ts';

/** How much of a failed answer's body the log gets. */
const FAILURE_LOG_BYTES = 65_536;

/**
 * The gateway paths the app uses; nothing else of the gateway is exposed. The one list, used by
 * the server and by Vite's dev-server proxy (vite.config.ts).
 */
export const PROXIED_PATHS = ['/api/v1/', '/metrics/job/', '/metrics/job@base64/', '/-/ready', '/-/healthy'];

/**
 * Whether a canonical path (see request-target.ts) is one of the gateway's that the app uses.
 */
export function isProxied(pathname: string): boolean {
  return PROXIED_PATHS.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p));
}

/**
 * The only request headers the gateway gets: what it needs to read a push or answer a read. Not
 * Accept-Encoding: this server compresses the answers for the browser itself.
 */
const FORWARDED_HEADERS = new Set(['host', 'accept', 'content-type', 'content-encoding']);
/** Response headers of the gateway that must not reach the browser, or that this server owns. */
const DROPPED_RESPONSE_HEADERS =
  /^(access-control-.*|set-cookie|www-authenticate|content-security-policy|x-frame-options|x-content-type-options|referrer-policy|connection|keep-alive|upgrade|proxy-.*|te|trailer)$/i;

/** How the server reaches the gateway. Credentials stay here: the browser never sees them. */
export interface GatewayCredentials {
  basicAuthFile?: string;
  caFile?: string;
  insecureSkipVerify?: boolean;
}

/** A change's body, read whole by `bodyCap` before the proxy sends it on. */
const bodies = new WeakMap<IncomingMessage, Buffer>();

/**
 * `user:password` from a file (one line; surrounding whitespace ignored).
 */
export function readBasicAuth(file: string) {
  const text = readFileSync(file, 'utf8').trim();
  if (!/^[^:\s]+:.+$/.test(text)) throw new Error(`${file} must hold one line "user:password"`);
  return text;
}

/**
 * Checks a service's credential files before anything starts: each named file exists, and the
 * basic-auth file holds `user:password`. Throws one line naming the file; never repeats its content.
 */
export function checkCredentialFiles(credentials: GatewayCredentials) {
  for (const file of [credentials.basicAuthFile, credentials.caFile]) {
    if (file && !existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
  }
  if (credentials.basicAuthFile) readBasicAuth(credentials.basicAuthFile);
}

/**
 * The `Authorization` header and TLS options for reaching the gateway, from the credential files.
 */
export function gatewayAccess(credentials: GatewayCredentials = {}) {
  const auth = credentials.basicAuthFile ? readBasicAuth(credentials.basicAuthFile) : undefined;
  const token = auth ? Buffer.from(auth).toString('base64') : undefined;
  return {
    authorization: token ? `Basic ${token}` : undefined,
    /** The credential in the forms an answer may echo it: never shown, never logged. */
    secrets: auth && token ? [token, auth, encodeURIComponent(auth), auth.slice(auth.indexOf(':') + 1)] : [],
    ca: credentials.caFile ? readFileSync(credentials.caFile) : undefined,
    rejectUnauthorized: !credentials.insecureSkipVerify,
  };
}

/**
 * The gateway's address as Prometheus would scrape it, without any credentials in it.
 */
export function publicAddress(url: URL) {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/**
 * Reads a change's body whole, up to `maxBodyBytes`, before anything is sent to the gateway: a
 * body over the cap is answered 413 and nothing of it is forwarded.
 */
export function bodyCap(maxBodyBytes: number, log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      // A read has no body; one that claims one is refused rather than forwarded unframed.
      const claimsBody =
        req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (!claimsBody) return next();
      res.status(400).type('text/plain').send(`A ${req.method} request must not have a body.\n`);
      return;
    }
    getRawBody(req, { limit: maxBodyBytes, length: req.headers['content-length'] })
      .then((body) => {
        bodies.set(req, body);
        next();
      })
      .catch((error: Error & { type?: string }) => {
        const tooLarge = error.type === 'entity.too.large';
        const status = tooLarge ? 413 : 400;
        res.setHeader('Connection', 'close');
        res
          .status(status)
          .type('text/plain')
          .send(
            tooLarge
              ? `The body is larger than this server accepts (${maxBodyBytes} bytes; see --max-body-size).\n`
              : `The body could not be read: ${error.message}\n`,
          );
        log(`${req.method} ${req.url} -> ${status}${tooLarge ? ' (body over the limit)' : ''}`);
      });
  };
}

/**
 * The proxy to the gateway. It forwards `req.url` as it stands, which the caller has already
 * checked; it sends only the headers the gateway needs, the server's own credentials, and the
 * body read by `bodyCap`, and it logs every change it passes on.
 *   `onChange` is called after the gateway accepted a change.
 */
export function gatewayProxy({
  gatewayUrl,
  credentials = {},
  log,
  onChange,
}: {
  gatewayUrl: URL;
  credentials?: GatewayCredentials;
  log: (line: string) => void;
  onChange?: () => void;
}) {
  const access = gatewayAccess(credentials);
  const agent =
    gatewayUrl.protocol === 'https:'
      ? new https.Agent({ keepAlive: true, ca: access.ca, rejectUnauthorized: access.rejectUnauthorized })
      : undefined;
  const address = publicAddress(gatewayUrl);
  /**
   * A failed answer (4xx, 5xx) as facts: its status code with the reason phrase Node knows for it,
   * and a safe excerpt of its body (no markup, headers or credentials: core/redact.ts) as plain
   * text. The whole body, masked, goes to the server's log alone.
   */
  const answerFailure = (
    proxyRes: IncomingMessage,
    req: IncomingMessage,
    res: ServerResponse,
    code: number,
    connection: string,
  ) => {
    const chunks: Buffer[] = [];
    let size = 0;
    proxyRes.on('data', (chunk: Buffer) => {
      if (size < FAILURE_LOG_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    proxyRes.on('end', () => {
      const body = Buffer.concat(chunks).subarray(0, FAILURE_LOG_BYTES).toString('utf8');
      const hidden = access.secrets.reduce((text, secret) => text.split(secret).join('…'), body);
      log(`${req.method} ${req.url}: the gateway at ${address} answered ${code}: ${maskCredentials(hidden)}`);
      const text = safeExcerpt(body, 200, access.secrets);
      res.writeHead(code, STATUS_CODES[code] ?? '', {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-cache',
        Connection: connection,
      });
      res.end(text ? `${text}\n` : '');
    });
    proxyRes.on('error', () => res.destroy());
  };
  return createProxyMiddleware({
    target: gatewayUrl.href,
    changeOrigin: true,
    agent,
    secure: access.rejectUnauthorized,
    ws: false,
    // Answers are written by `proxyRes` below: a failed one never reaches the browser as sent.
    selfHandleResponse: true,
    on: {
      proxyReq: (proxyReq, req) => {
        for (const name of proxyReq.getHeaderNames()) {
          if (!FORWARDED_HEADERS.has(name)) proxyReq.removeHeader(name);
        }
        if (access.authorization) proxyReq.setHeader('Authorization', access.authorization);
        const body = bodies.get(req);
        if (body) {
          proxyReq.setHeader('Content-Length', body.length);
          proxyReq.write(body);
        }
      },
      proxyRes: (proxyRes, req, res) => {
        for (const name of Object.keys(proxyRes.headers)) {
          if (DROPPED_RESPONSE_HEADERS.test(name)) delete proxyRes.headers[name];
        }
        const code = proxyRes.statusCode ?? 502;
        if (!SAFE_METHODS.has(req.method ?? '')) {
          log(`${req.method} ${req.url} -> ${code}`);
          if (code >= 200 && code < 300) onChange?.();
        }
        // Hop by hop: this connection's fate is the browser's and this server's, not the gateway's.
        const connection = /\bclose\b/i.test(req.headers.connection ?? '') ? 'close' : 'keep-alive';
        if (code >= 400) return answerFailure(proxyRes, req, res, code, connection);
        res.statusCode = code;
        for (const [name, value] of Object.entries(proxyRes.headers)) {
          // Node frames the body itself (chunked or by length) for this connection.
          if (value !== undefined && name !== 'transfer-encoding') res.setHeader(name, value);
        }
        res.setHeader('Connection', connection);
        proxyRes.pipe(res);
      },
      error: (error, req, res) => {
        const code = (error as NodeJS.ErrnoException).code ?? error.message;
        const message = `Pushboard could not reach the Pushgateway at ${address}: ${code}\n`;
        if ('writeHead' in res && !res.headersSent) {
          res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(message);
        } else {
          res.destroy();
        }
        if (!SAFE_METHODS.has(req.method ?? '')) log(`${req.method} ${req.url} -> 502 (${code})`);
      },
    },
  });
}
