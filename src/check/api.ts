import { groupPath } from '../../core/group-path.js';
import { decodeVerdict, type Verdict } from '../../core/wire/check';
import { WIRE_HEADER } from '../../core/wire/version';
import { noteServerWire, WireMismatchError } from '../data';

/** The server's push check (`POST -/pushboard/check/metrics/job/…`, server/check/route.ts). */
export const CHECK_PATH = '-/pushboard/check/';

/** The check's verdict, as the page shows it: the gateway's own words apart from Pushboard's notes. */
export type { Verdict } from '../../core/wire/check';

export interface CheckRequest {
  labels: Record<string, string>;
  body: string;
  method: 'PUT' | 'POST';
  /** With several gateways: which one. */
  gateway?: string;
}

/** The verdict in the server's answer, or undefined when it is not one (and why, in the console). */
function readVerdict(text: string): Verdict | undefined {
  try {
    return decodeVerdict(JSON.parse(text));
  } catch (error) {
    console.warn(`pushboard: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
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
  if (!noteServerWire(response.headers.get(WIRE_HEADER)))
    throw new WireMismatchError(response.headers.get(WIRE_HEADER) ?? '');
  const text = await response.text();
  if (response.status === 200 || response.status === 422) {
    const verdict = readVerdict(text);
    if (verdict) return verdict;
  }
  const reason = response.headers.get('content-type')?.startsWith('text/plain') ? text.trim().slice(0, 300) : '';
  throw new Error(`The server could not check this push (${response.status})${reason ? `: ${reason}` : '.'}`);
}
