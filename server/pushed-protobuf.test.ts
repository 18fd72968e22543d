import { describe, expect, it } from 'vitest';
import { readDelimited } from '../core/protobuf-families';
import { encodeDelimited, PROTO_TYPES } from '../src/gateway/protobuf';
import { pushedOnly } from './pushed-protobuf';

describe('pushedOnly', () => {
  it("keeps the pushed groups' series and drops the gateway's own metrics", () => {
    const bytes = encodeDelimited([
      { name: 'go_goroutines', type: PROTO_TYPES.GAUGE, metric: [{ gauge: { value: 12 } }] },
      {
        name: 'pushgateway_http_requests_total',
        type: PROTO_TYPES.COUNTER,
        metric: [{ label: [{ name: 'code', value: '200' }], counter: { value: 1 } }],
      },
      {
        name: 'jobs_total',
        type: PROTO_TYPES.COUNTER,
        metric: [{ label: [{ name: 'job', value: 'a' }], counter: { value: 3 } }],
      },
    ]);
    const kept = readDelimited(pushedOnly(bytes));
    expect(kept.map((f) => [f.name, f.metrics.map((m) => m.labels)])).toEqual([['jobs_total', [{ job: 'a' }]]]);
  });
});
