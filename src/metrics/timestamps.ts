import type { Family } from '../../core/metrics-types';
import { parseGoFloat } from '../../core/values';

/** Gauges named as points in time, by the Prometheus naming conventions (and the common `_timestamp`). */
const TIME_NAME = /(_timestamp_seconds|_time_seconds|_timestamp)$/;

export const isTimestampGauge = (family: Pick<Family, 'name' | 'type'>) =>
  family.type === 'GAUGE' && TIME_NAME.test(family.name);

/**
 * The time a timestamp gauge's value stands for, in milliseconds; null for a value that is no
 * time (0, "never", negative, NaN). `…_timestamp` without a unit is read as milliseconds when it
 * is too large to be seconds (beyond the year 5000).
 */
export function timestampMs(name: string, raw: string): number | null {
  const value = parseGoFloat(raw);
  if (!Number.isFinite(value) || value <= 0) return null;
  const millis = !name.endsWith('_seconds') && value > 1e11;
  const ms = millis ? value : value * 1000;
  return Number.isFinite(new Date(ms).getTime()) ? ms : null;
}
