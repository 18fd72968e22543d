/**
 * How often the browser polls the gateway itself (without the Pushboard server): the interval the
 * person chose, but never less than 10 × the time the gateway took to answer the last fetch, and
 * after a `429 Too Many Requests` or `503 Service Unavailable` as long as its `Retry-After` asks
 * (or, without one, a back-off doubling from the chosen interval). Pure: the poller remembers the
 * outcomes, the page asks for the pace.
 */

/** The interval is at least this many times the last fetch's duration. */
export const SLOW_FACTOR = 10;
/** The longest a `Retry-After` makes us wait: a gateway asking for hours is not taken literally. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;
/** The longest back-off without a `Retry-After`. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/** Answers that ask the client to come back later. */
export const REFUSALS: Readonly<Record<number, string>> = {
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * A `Retry-After` value as milliseconds from `nowMs`: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, a date in the past meaning 0). Undefined when absent or
 * unreadable. Not capped here: the pace caps it and says so.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names the weekday and "GMT"; anything else (a negative or fractional number,
  // a date without its weekday) is not a Retry-After.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/** What the last poll taught us. */
export interface PollOutcome {
  /** When it ended (ms since the epoch). */
  at: number;
  /** From the request until the body was read; absent when no answer came (network error). */
  fetchMs?: number;
  /** The HTTP status of a failed answer. */
  status?: number;
  /** The failed answer's `Retry-After` header as sent. */
  retryAfter?: string;
}

/** What the pace is computed from: the last measured fetch, and the refusals in a row. */
export interface PaceMemory {
  fetchMs?: number;
  /** 429 or 503 answers in a row; 0 after any other outcome. */
  refusals: number;
  /** The last outcome, if it was a refusal. */
  refusal?: { status: number; at: number; retryAfterMs?: number };
}

export const FRESH_MEMORY: PaceMemory = { refusals: 0 };

export function remember(memory: PaceMemory, outcome: PollOutcome): PaceMemory {
  const fetchMs = outcome.fetchMs ?? memory.fetchMs;
  if (outcome.status === undefined || !(outcome.status in REFUSALS)) return { fetchMs, refusals: 0 };
  return {
    fetchMs,
    refusals: memory.refusals + 1,
    refusal: { status: outcome.status, at: outcome.at, retryAfterMs: parseRetryAfter(outcome.retryAfter, outcome.at) },
  };
}

export type Pace =
  /** Polling at the chosen interval. */
  | { reason: 'chosen'; delayMs: number }
  /** Slower than chosen: the gateway took `fetchMs` to answer. */
  | { reason: 'slow'; delayMs: number; fetchMs: number }
  /** Refused: waiting as `Retry-After` asked (`askedMs`, before the cap), or longer. */
  | { reason: 'retry-after'; delayMs: number; status: number; askedMs: number; nextAt: number }
  /** Refused without a `Retry-After`: doubling the wait for each refusal in a row. */
  | { reason: 'backoff'; delayMs: number; status: number; refusals: number; nextAt: number };

/** The delay before the next poll, and why. */
export function pace(chosenMs: number, memory: PaceMemory): Pace {
  const floor = SLOW_FACTOR * (memory.fetchMs ?? 0);
  const usual: Pace =
    floor > chosenMs
      ? { reason: 'slow', delayMs: floor, fetchMs: memory.fetchMs ?? 0 }
      : { reason: 'chosen', delayMs: chosenMs };
  const { refusal, refusals } = memory;
  if (!refusal) return usual;
  if (refusal.retryAfterMs !== undefined) {
    const delayMs = Math.max(usual.delayMs, Math.min(refusal.retryAfterMs, MAX_RETRY_AFTER_MS));
    return {
      reason: 'retry-after',
      delayMs,
      status: refusal.status,
      askedMs: refusal.retryAfterMs,
      nextAt: refusal.at + delayMs,
    };
  }
  const backoff = Math.min(chosenMs * 2 ** Math.min(refusals, 20), MAX_BACKOFF_MS);
  const delayMs = Math.max(usual.delayMs, backoff);
  return { reason: 'backoff', delayMs, status: refusal.status, refusals, nextAt: refusal.at + delayMs };
}

/** A wait for people: "0.9 s", "9 s", "2.5 s", "45 s", "5 min", "1 min 30 s". */
export function formatWait(ms: number): string {
  if (ms < 10_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`;
}
