/**
 * `POST -/pushboard/check/metrics/job/<JOB>{/<LABEL>/<VALUE>}`: the gateway's own push path and
 * body (text format, or delimited protobuf with the gateway's Content-Type; gzip too), answered
 * without pushing: 200 with the verdict when the gateway would accept it, 422 when it would refuse
 * it. `?method=PUT` checks a PUT (the group replaced) instead of a POST; with several gateways,
 * `?gateway=NAME` names the one. It changes nothing, so a read-only server answers it too; a
 * cross-site POST is refused before it gets here, as every change is.
 */
import { gunzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import type { GatewayModel } from '../state/model';
import type { GatewayCredentials } from '../proxy.js';
import { gatewayFacts } from './gateway-facts';
import { judgePush } from './verdict';

/** Where the check answers, under the server's route prefix. */
export const CHECK_PATH = '/-/pushboard/check';

/** 4 MiB: a push body larger than this is not checked (413). */
export const CHECK_MAX_BYTES = 4 * 1024 * 1024;

/** Whether a request path (with the route prefix) is the push check: a POST a read-only server allows. */
export function isCheckPath(path: string, routePrefix = ''): boolean {
  return path.startsWith(`${routePrefix}${CHECK_PATH}/`);
}

const PROTOBUF = 'application/vnd.google.protobuf';

/** The gateway's test for a protobuf body (mime.ParseMediaType, its proto and encoding). */
export function isProtobuf(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim());
  if (type.toLowerCase() !== PROTOBUF) return false;
  const values = new Map(
    params.map((p) => {
      const at = p.indexOf('=');
      return [
        p.slice(0, at).trim().toLowerCase(),
        p
          .slice(at + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      ] as const;
    }),
  );
  return values.get('encoding') === 'delimited' && values.get('proto') === 'io.prometheus.client.MetricFamily';
}

function readBody(req: Request, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const plain = (res: Response, status: number, text: string) => res.status(status).type('text/plain').send(`${text}\n`);

export function checkRoute(options: {
  gateways: ReadonlyArray<{ name: string; url: URL; credentials?: GatewayCredentials }>;
  model: GatewayModel;
  maxBytes?: number;
}): RequestHandler {
  const max = options.maxBytes ?? CHECK_MAX_BYTES;
  const facts = new Map(options.gateways.map((g) => [g.name, gatewayFacts(g.url, g.credentials)]));
  const multi = options.gateways.length > 1;
  return (req, res, next) => {
    if (!req.path.startsWith('/metrics/')) return next();
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return plain(res, 405, 'The push check takes a POST of the body you would push.');
    }
    const named = typeof req.query.gateway === 'string' ? req.query.gateway : undefined;
    const gateway = multi ? named : options.gateways[0]!.name;
    const read = gateway === undefined ? undefined : facts.get(gateway);
    if (!read) {
      return plain(
        res,
        400,
        `Name the gateway to check against: ?gateway=${options.gateways.map((g) => g.name).join(' or ?gateway=')}.`,
      );
    }
    const method = typeof req.query.method === 'string' ? req.query.method.toUpperCase() : 'POST';
    if (method !== 'POST' && method !== 'PUT') return plain(res, 400, 'method is PUT or POST.');
    const encoding = String(req.headers['content-encoding'] ?? '').toLowerCase();
    if (encoding !== '' && encoding !== 'identity' && encoding !== 'gzip') {
      return plain(res, 415, `The check reads gzip or uncompressed bodies, not ${encoding.slice(0, 40)}.`);
    }
    void (async () => {
      const raw = await readBody(req, max);
      if (raw === 'too-large') return plain(res, 413, `The push check reads bodies up to ${max / 1024 / 1024} MiB.`);
      let body: Buffer;
      try {
        body = encoding === 'gzip' ? gunzipSync(raw, { maxOutputLength: max }) : raw;
      } catch {
        return plain(res, 400, 'The body is not gzip (or is larger than the check reads once unpacked).');
      }
      let gatewayFacts;
      try {
        gatewayFacts = await read();
      } catch (error) {
        return plain(res, 502, `Cannot check: ${(error as Error).message}.`);
      }
      // The gateway as it is now, not as of the last poll: a push just before the check counts.
      await options.model.refresh();
      const groups = options.model.snapshot().groups.filter((g) => !multi || g.gateway === gateway);
      const verdict = judgePush(
        {
          path: req.path.slice('/metrics/'.length),
          body,
          protobuf: isProtobuf(req.headers['content-type']),
          replace: method === 'PUT',
        },
        gatewayFacts,
        groups,
      );
      res.status(verdict.accepted ? 200 : 422).json(verdict);
    })().catch(next);
  };
}
