/**
 * What the push check needs to know of a gateway besides its groups: its release and flags
 * (`api/v1/status`: 1.11+ reads quoted UTF-8 names, `--push.enable-utf8-names` allows such label
 * names, `--push.disable-consistency-check` accepts anything it can parse), and its own metrics
 * (go_*, process_*, pushgateway_*), which a push must not give another TYPE. Read with the
 * server's credentials, kept for a minute.
 */
import http from 'node:http';
import https from 'node:https';
import { PROTOBUF_ACCEPT, readDelimited } from '../../core/protobuf-families';
import { gatewayAccess, publicAddress, type GatewayCredentials } from '../proxy.js';
import type { HeldFamily } from './consistency';
import { TYPE_NUMBERS } from './families';

export interface GatewayFacts {
  version: string;
  /** 1.11 or later: the text parser of prometheus/common v0.61 (quoted UTF-8 names). */
  newParser: boolean;
  utf8Names: boolean;
  consistencyCheck: boolean;
  own: Array<Omit<HeldFamily, 'series'>>;
}

function get(url: URL, credentials: GatewayCredentials, accept: string, timeoutMs: number): Promise<Buffer> {
  const access = gatewayAccess(credentials);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        timeout: timeoutMs,
        ca: access.ca,
        rejectUnauthorized: access.rejectUnauthorized,
        headers: {
          Accept: accept,
          'User-Agent': 'Pushboard',
          ...(access.authorization ? { Authorization: access.authorization } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const code = response.statusCode ?? 0;
          if (code < 200 || code > 299) reject(new Error(`answered ${code} for ${url.pathname}`));
          else resolve(Buffer.concat(chunks));
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end();
  });
}

/** "1.11.0" → at least 1.11. */
export function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map((n) => Number.parseInt(n, 10));
  return a > major || (a === major && b >= minor);
}

/** The head of a family from /metrics: its TYPE and HELP. */
function headOf(head: Uint8Array): { type: (typeof TYPE_NUMBERS)[number]; help: string } {
  let type: (typeof TYPE_NUMBERS)[number] = 'COUNTER';
  let help = '';
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = head[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < head.length) {
    const key = varint();
    const wire = key & 7;
    if (wire === 0) {
      const value = varint();
      if (key >> 3 === 3) type = TYPE_NUMBERS[value] ?? type;
    } else if (wire === 2) {
      const length = varint();
      if (key >> 3 === 2) help = new TextDecoder().decode(head.subarray(at, at + length));
      at += length;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else break;
  }
  return { type, help };
}

/** Reads a gateway's facts, at most once a minute. */
export function gatewayFacts(gatewayUrl: URL, credentials: GatewayCredentials = {}, timeoutMs = 10_000) {
  let cached: { at: number; facts: Promise<GatewayFacts> } | undefined;
  const read = async (): Promise<GatewayFacts> => {
    const where = `the Pushgateway at ${publicAddress(gatewayUrl)}`;
    const [status, metrics] = await Promise.all([
      get(new URL('api/v1/status', gatewayUrl), credentials, 'application/json', timeoutMs),
      get(new URL('metrics', gatewayUrl), credentials, PROTOBUF_ACCEPT, timeoutMs),
    ]).catch((error: Error) => {
      throw new Error(`could not read ${where}: ${error.message}`);
    });
    const data = (JSON.parse(status.toString('utf8')) as { data?: Record<string, unknown> }).data ?? {};
    const build = (data.build_information ?? {}) as Record<string, unknown>;
    const flags = (data.flags ?? {}) as Record<string, unknown>;
    const version = String(build.version ?? '');
    const newParser = atLeast(version, 1, 11);
    const own = readDelimited(metrics)
      .filter((f) => f.metrics.some((m) => m.labels.job === undefined))
      .map((f) => ({ name: f.name, ...headOf(f.head) }));
    return {
      version,
      newParser,
      utf8Names: newParser && flags['push.enable-utf8-names'] === 'true',
      consistencyCheck: flags['push.disable-consistency-check'] !== 'true',
      own,
    };
  };
  return (): Promise<GatewayFacts> => {
    if (!cached || Date.now() - cached.at > 60_000) {
      const facts = read();
      cached = { at: Date.now(), facts };
      facts.catch(() => {
        if (cached?.facts === facts) cached = undefined;
      });
    }
    return cached.facts;
  };
}
