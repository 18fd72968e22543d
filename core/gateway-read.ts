/**
 * Reading the gateway's answers, the same way in the browser and in the server: every failure
 * becomes a `GatewayError` whose message is a plain sentence.
 */
import { ResponseShapeError } from './metrics';
import { safeExcerpt } from './redact';

export type GatewayErrorKind = 'network' | 'http' | 'json' | 'shape';

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    readonly status?: number,
    /** The answer's `Retry-After` header as sent (delta-seconds or an HTTP-date), if it had one. */
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

/**
 * The error for a non-2xx answer, carrying the start of the gateway's own reason and its
 * `Retry-After` (a 429 or 503 may ask for a pause before the next request).
 */
export function httpError(
  path: string,
  code: number,
  statusText: string,
  body: string,
  retryAfter?: string | null,
): GatewayError {
  // No headers, credentials or markup an error page or an echoing proxy sends (core/redact.ts).
  const text = safeExcerpt(body, 200);
  const status = `${code}${statusText ? ` ${statusText}` : ''}`;
  const message = `The gateway answered ${status} for ${path}${text ? `: ${text}` : '.'}`;
  return new GatewayError('http', message, code, retryAfter?.trim() || undefined);
}

/** Parses a 2xx answer's text as JSON and validates it with `parse` (which throws `ResponseShapeError`). */
export function readJson<T>(text: string, path: string, parse: (json: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GatewayError('json', `The answer for ${path} is not valid JSON (it starts "${safeExcerpt(text, 60)}").`);
  }
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof ResponseShapeError) {
      throw new GatewayError('shape', `The answer for ${path} has an unexpected shape: ${error.message}.`);
    }
    throw error;
  }
}
