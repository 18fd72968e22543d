// @ts-check
/**
 * Durations as people type them for thresholds and intervals: "30s", "5m", "1h", "2h30m", "1d",
 * "1w", "1.5h", "90" (seconds). Plain JavaScript: the app and the server's flags share it.
 */

/** @type {Record<string, number>} */
const UNITS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const PART = /(\d+(?:\.\d+)?)([smhdw])/gy;

/** @param {number} n */
const positive = (n) => (Number.isFinite(n) && n > 0 ? n : undefined);

/**
 * Seconds, or undefined for anything that is not a positive duration.
 * @param {string} text
 * @returns {number | undefined}
 */
export function parseDuration(text) {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(input)) return positive(Number(input));
  PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let match = PART.exec(input); match; match = PART.exec(input)) {
    total += Number(match[1]) * (UNITS[match[2] ?? ''] ?? NaN);
    consumed = PART.lastIndex;
  }
  return consumed === input.length ? positive(total) : undefined;
}
