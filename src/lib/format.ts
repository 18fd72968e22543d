import { parseGoFloat } from '../gateway/values';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const large = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/**
 * A Go-formatted sample value made readable: `1.23456789e+09` → `1,234,567,890`, `0.30000000000000004`
 * → `0.3`, `1795554383.3202488` → `1,795,554,383.3202`, `1e-300` stays `1e-300`; `NaN`, `+Inf`, `-Inf` as Prometheus writes them. The raw string is
 * the exact value; show it beside or on hover whenever the readable form differs.
 */
export function formatValue(raw: string): string {
  const n = parseGoFloat(raw);
  if (Number.isNaN(n)) return raw === 'NaN' ? 'NaN' : raw;
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-4) return exponential(n);
  // Never round the integer part: 1234567.5 must not read as 1,234,570.
  if (Number.isInteger(n)) return integer.format(n);
  return abs >= 1 ? large.format(n) : small.format(n);
}

function exponential(n: number): string {
  // 4 significant digits, trailing zeros dropped: 1.2346e+20, 1e-300.
  const [mantissa = '', exp = ''] = n.toExponential(4).split('e');
  return `${mantissa.replace(/\.?0+$/, '')}e${exp}`;
}

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

/** "1 family", "3 families". */
export function countOf(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}
