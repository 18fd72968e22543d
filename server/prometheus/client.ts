/** The server's reads of Prometheus' HTTP API (the browser never reaches Prometheus itself). */
import { GatewayError } from '../../core/gateway-read';
import { safeExcerpt } from '../../core/redact';
import type { GatewayCredentials } from '../proxy.ts';
import { httpClient } from '../state/fetch-gateway';

/** One of /api/v1/targets' active targets, as far as Pushboard reads it. */
export interface Target {
  scrapePool: string;
  scrapeUrl: string;
  health: string;
  lastError: string;
  lastScrape: string;
  lastScrapeDuration: number;
  scrapeInterval?: string;
  labels: Record<string, string>;
}

export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

/** One series of a range query. */
export interface RangeSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

/** Prometheus' own reason from an error answer (`{"status":"error","error":"…"}`), else the start of the text. */
function reason(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: unknown };
    if (typeof json.error === 'string') return safeExcerpt(json.error, 200);
  } catch {
    // not JSON: say what it was
  }
  return safeExcerpt(body, 200);
}

export function prometheusClient(url: URL, credentials: GatewayCredentials = {}, timeoutMs = 30_000) {
  const http = httpClient(url, credentials, {
    timeoutMs,
    name: 'Prometheus',
    httpFailure: (path, code, statusText, body) =>
      new GatewayError(
        'http',
        `Prometheus answered ${code}${statusText ? ` ${statusText}` : ''} for ${path}: ${reason(body)}`,
        code,
      ),
  });
  async function api<T>(path: string): Promise<T> {
    const answer = await http.get(`api/v1/${path}`);
    let body: { status?: string; data?: T; error?: string };
    try {
      body = JSON.parse(answer.text) as typeof body;
    } catch {
      throw new GatewayError(
        'json',
        `Prometheus' answer for ${path} is not JSON (it starts "${safeExcerpt(answer.text, 60)}").`,
      );
    }
    if (body.status !== 'success' || body.data === undefined) {
      throw new GatewayError(
        'shape',
        `Prometheus could not answer ${path}: ${safeExcerpt(String(body.error ?? 'no data'), 200)}`,
      );
    }
    return body.data;
  }
  return {
    query: (promql: string) =>
      api<{ resultType: string; result: Sample[] }>(`query?query=${encodeURIComponent(promql)}`).then((d) => d.result),
    /** A range query from `start` to `end` (Unix seconds) every `step` seconds. */
    queryRange: (promql: string, start: number, end: number, step: number) =>
      api<{ resultType: string; result: RangeSeries[] }>(
        `query_range?${new URLSearchParams({ query: promql, start: String(start), end: String(end), step: String(step) })}`,
      ).then((d) => d.result),
    targets: () =>
      api<{ activeTargets: Target[] }>('targets?state=active').then((d) =>
        Array.isArray(d.activeTargets) ? d.activeTargets : [],
      ),
    /** The configuration Prometheus runs, as YAML text. */
    config: () => api<{ yaml: string }>('status/config').then((d) => String(d.yaml ?? '')),
    buildinfo: () => api<{ version?: string }>('status/buildinfo'),
  };
}

export type PrometheusClient = ReturnType<typeof prometheusClient>;
