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

/**
 * An exact, unambiguous time that names its zone: "2026-11-24 21:06:23 UTC", or in the browser's
 * zone "2026-11-24 22:06:23 GMT+1" (the zone as its offset from UTC, which is what a reader needs
 * to compare it with a time elsewhere).
 */
export function formatExactTime(ms: number, zone: 'local' | 'utc' = 'utc'): string {
  if (!Number.isFinite(ms)) return 'unknown';
  return zone === 'utc' ? utcTime(ms) : formatInZone(ms, localZone());
}

/** The same time in the chosen zone first and the other after it, for tooltips. */
export function formatBothZones(ms: number, zone: 'local' | 'utc', timeZone = localZone()): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const utc = utcTime(ms);
  if (isUtc(timeZone)) return utc;
  const local = `${formatInZone(ms, timeZone)} (${timeZone})`;
  return zone === 'utc' ? `${utc}\n${local}` : `${local}\n${utc}`;
}

const utcTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
/** The browser's zone by its IANA name, e.g. "Europe/Berlin". */
let zone: string | undefined;
/**
 * The reader's zone, read once: building an Intl formatter to ask costs ~1 ms, and job rows ask on
 * every render (a scroll frame drew dozens). A page's zone does not change while it is open.
 */
export const localZone = () => (zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
const isUtc = (timeZone: string) => ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT'].includes(timeZone);

// Made once per zone: building an Intl formatter costs far more than using one.
const formats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-24 22:06:23 GMT+1" for Europe/Berlin; "… UTC" for UTC itself. */
export function formatInZone(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) return 'unknown';
  if (isUtc(timeZone)) return utcTime(ms);
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(ms)) parts[p.type] = p.value;
  const { year, month, day, hour, minute, second, timeZoneName } = parts;
  return `${year}-${month}-${day} ${hour}:${minute}:${second} ${timeZoneName}`;
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
