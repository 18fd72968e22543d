/** Durations as people type them for thresholds: "30s", "5m", "1h", "2h30m", "1d", "1w", "1.5h", "90". */

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const PART = /(\d+(?:\.\d+)?)([smhdw])/gy;

/** Seconds, or undefined for anything that is not a positive duration. */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(input)) return positive(Number(input));
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(input); match; match = PART.exec(input)) {
    total += Number(match[1]) * (UNITS[match[2]!] ?? NaN);
    consumed = PART.lastIndex;
  }
  return consumed === input.length ? positive(total) : undefined;
}

const positive = (n: number) => (Number.isFinite(n) && n > 0 ? n : undefined);

/** The short canonical form: 45s, 5m, 1h, 2h30m, 1d, 1w. */
export function formatDurationShort(seconds: number): string {
  let rest = Math.round(seconds);
  if (rest <= 0) return '0s';
  let out = '';
  for (const [unit, size] of Object.entries(UNITS).reverse()) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
