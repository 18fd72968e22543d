import { describe, expect, it } from 'vitest';
import { isCheckPath, isProtobuf } from './route';

describe('isCheckPath', () => {
  it('is the check under the route prefix, and nothing else', () => {
    expect(isCheckPath('/-/pushboard/check/metrics/job/a')).toBe(true);
    expect(isCheckPath('/pb/-/pushboard/check/metrics/job/a', '/pb')).toBe(true);
    expect(isCheckPath('/-/pushboard/check/metrics/job/a', '/pb')).toBe(false);
    expect(isCheckPath('/-/pushboard/checked/metrics/job/a')).toBe(false);
    expect(isCheckPath('/-/pushboard/check')).toBe(false);
    expect(isCheckPath('/metrics/job/a')).toBe(false);
  });
});

describe('isProtobuf', () => {
  it('takes the gateway’s delimited protobuf type, parameters in any order and case', () => {
    expect(
      isProtobuf('application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited'),
    ).toBe(true);
    expect(
      isProtobuf('Application/Vnd.Google.Protobuf;Encoding="delimited";Proto="io.prometheus.client.MetricFamily"'),
    ).toBe(true);
  });

  it('reads anything else as the text format, as the gateway does', () => {
    expect(isProtobuf(undefined)).toBe(false);
    expect(isProtobuf('text/plain; version=0.0.4')).toBe(false);
    expect(isProtobuf('application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily')).toBe(false);
    expect(isProtobuf('application/vnd.google.protobuf; encoding=text; proto=io.prometheus.client.MetricFamily')).toBe(
      false,
    );
  });
});
