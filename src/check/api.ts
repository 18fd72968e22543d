import { groupPath } from '../../core/group-path.js';
import { isRecord } from '../../core/validate';

/** The server's push check (`POST -/pushboard/check/metrics/job/…`, server/check/route.ts). */
export const CHECK_PATH = '-/pushboard/check/';

/** The check's verdict, as the page shows it: the gateway's own words apart from Pushboard's notes. */
export interface Verdict {
  accepted: boolean;
  /** What the gateway would answer (200, 202 without its consistency check, 400). */
  status: number;
  /** The gateway's whole answer to a refused push; empty when it would accept it. */
  answer: string;
  /** Whether the gateway may word it differently (which of two clashing families it meets first). */
  varies: boolean;
  notes: string[];
  gateway: { version: string };
}

export interface CheckRequest {
  labels: Record<string, string>;
  body: string;
  method: 'PUT' | 'POST';
  /** With several gateways: which one. */
  gateway?: string;
}

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The verdict in the server's answer, or undefined when it is not one. */
export function parseVerdict(json: unknown): Verdict | undefined {
  if (!isRecord(json) || typeof json.accepted !== 'boolean') return undefined;
  const gateway = isRecord(json.gateway) ? json.gateway : {};
  return {
    accepted: json.accepted,
    status: typeof json.status === 'number' ? json.status : 0,
    answer: typeof json.answer === 'string' ? json.answer : '',
    varies: json.varies === true,
    notes: strings(json.notes),
    gateway: { version: typeof gateway.version === 'string' ? gateway.version : '' },
  };
}

/** The check's URL, relative to the app: the grouping key as the push path (every value in base64). */
export function checkUrl(request: Omit<CheckRequest, 'body'>): string {
  const query = new URLSearchParams({ method: request.method });
  if (request.gateway) query.set('gateway', request.gateway);
  return `${CHECK_PATH}${groupPath(request.labels)}?${query}`;
}

/** Asks the server; a refusal to check (a bad grouping key, an unreadable gateway) throws its reason. */
export async function checkPush(request: CheckRequest, signal?: AbortSignal): Promise<Verdict> {
  const response = await fetch(new URL(checkUrl(request), document.baseURI), {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; version=0.0.4' },
    body: request.body,
    signal,
  });
  const text = await response.text();
  if (response.status === 200 || response.status === 422) {
    let verdict: Verdict | undefined;
    try {
      verdict = parseVerdict(JSON.parse(text));
    } catch {
      verdict = undefined;
    }
    if (verdict) return verdict;
  }
  const reason = response.headers.get('content-type')?.startsWith('text/plain') ? text.trim().slice(0, 300) : '';
  throw new Error(`The server could not check this push (${response.status})${reason ? `: ${reason}` : '.'}`);
}
