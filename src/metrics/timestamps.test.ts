import { describe, expect, it } from 'vitest';
import { isTimestampGauge, timestampMs } from './timestamps';

describe('timestamp gauges', () => {
  it('are gauges named …_timestamp_seconds, …_time_seconds or …_timestamp', () => {
    expect(isTimestampGauge({ name: 'backup_last_success_timestamp_seconds', type: 'GAUGE' })).toBe(true);
    expect(isTimestampGauge({ name: 'job_start_time_seconds', type: 'GAUGE' })).toBe(true);
    expect(isTimestampGauge({ name: 'build_timestamp', type: 'GAUGE' })).toBe(true);
    expect(isTimestampGauge({ name: 'backup_timestamp_seconds', type: 'COUNTER' })).toBe(false);
    expect(isTimestampGauge({ name: 'request_duration_seconds', type: 'GAUGE' })).toBe(false);
  });

  it('read seconds, or milliseconds where a unitless value is too large for seconds', () => {
    expect(timestampMs('x_timestamp_seconds', '1.7955456e+09')).toBe(1795545600000);
    expect(timestampMs('x_timestamp', '1795545600')).toBe(1795545600000);
    expect(timestampMs('x_timestamp', '1795545600123')).toBe(1795545600123);
  });

  it('are no time at 0, below it, or not a number', () => {
    expect(timestampMs('x_timestamp_seconds', '0')).toBeNull();
    expect(timestampMs('x_timestamp_seconds', '-5')).toBeNull();
    expect(timestampMs('x_timestamp_seconds', 'NaN')).toBeNull();
    expect(timestampMs('x_timestamp_seconds', '+Inf')).toBeNull();
  });
});
