/** "just now", "42 s ago", "3 min ago", "5 h ago", "12 d ago"; "in 3 s" for clock skew. */
export function formatAge(thenMs: number, nowMs: number): string {
  const seconds = Math.round((nowMs - thenMs) / 1000);
  if (seconds < 0) return seconds > -5 ? 'just now' : `in ${formatDuration(-seconds)}`;
  if (seconds < 5) return 'just now';
  return `${formatDuration(seconds)} ago`;
}

/** A duration in its largest sensible unit: "42 s", "3 min", "5 h", "12 d". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.floor(totalSeconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86400)} d`;
}

/** An exact, unambiguous time: "2026-11-24 21:06:23 UTC". */
export function formatExactTime(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Milliseconds of an RFC 3339 time stamp with nanoseconds, or NaN. */
export function parseTimestamp(rfc3339: string): number {
  return rfc3339 ? Date.parse(rfc3339) : NaN;
}

// One formatter for every count on every screen, in the reader's locale ("10,000" in English,
// "10.000" in German): `toLocaleString` with options builds a new one on each call.
const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A count as people read it in their locale: "10,000". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "1 family", "3 families", "10,000 groups". */
export function countOf(n: number, one: string, many: string): string {
  return `${COUNT.format(n)} ${n === 1 ? one : many}`;
}
