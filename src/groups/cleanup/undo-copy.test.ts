import { describe, expect, it } from 'vitest';
import { parseGroup } from '../../../core/metrics';
import { readDelimited } from '../../../core/protobuf-families';
import { encodeDelimited, PROTO_TYPES } from '../../gateway/protobuf';
import { cutGroup, indexPushed } from './undo-copy';

const stamp = { time_stamp: '2026-12-04T10:00:00Z', type: 'GAUGE', help: '' };
/** A group as 1.11's API shows a histogram with both kinds of buckets: the native half only. */
const group = parseGroup(
  {
    labels: { job: 'go', instance: 'a+b' },
    last_push_successful: true,
    push_time_seconds: { ...stamp, metrics: [{ labels: { job: 'go', instance: 'a+b' }, value: '1' }] },
    lat: {
      ...stamp,
      type: 'HISTOGRAM',
      metrics: [{ labels: { job: 'go', instance: 'a+b' }, buckets: [[0, '0.5', '1', '2']], count: '2', sum: '1.5' }],
    },
  },
  0,
);

const labels = (l: Record<string, string>) => Object.entries(l).map(([name, value]) => ({ name, value }));
const both = {
  sample_count: 2,
  sample_sum: 1.5,
  bucket: [{ cumulative_count: 2, upper_bound: 1 }],
  schema: 0,
  zero_threshold: 0,
  positive_span: [{ offset: 0, length: 1 }],
  positive_delta: [2],
};
/** The gateway's /metrics: this group, another group's series of the same family, and push times. */
const metrics = readDelimited(
  encodeDelimited([
    {
      name: 'lat',
      type: PROTO_TYPES.HISTOGRAM,
      metric: [
        { label: labels({ job: 'go', instance: 'a+b' }), histogram: both },
        { label: labels({ job: 'other', instance: '' }), histogram: both },
      ],
    },
    {
      name: 'push_time_seconds',
      type: PROTO_TYPES.GAUGE,
      metric: [{ label: labels({ job: 'go' }), gauge: { value: 1 } }],
    },
  ]),
);

describe('cutGroup', () => {
  it("is the group's own series from /metrics, classic and native buckets alike, and nothing else", () => {
    const copy = cutGroup(group, indexPushed(metrics));
    expect(copy.kind).toBe('exact');
    const read = readDelimited(copy.kind === 'exact' ? copy.body : new Uint8Array());
    expect(read.map((f) => [f.name, f.metrics.map((m) => m.labels)])).toEqual([
      ['lat', [{ job: 'go', instance: 'a+b' }]],
    ]);
    expect(read[0]!.metrics[0]!.bytes).toEqual(metrics[0]!.metrics[0]!.bytes);
  });

  it('says so when /metrics does not hold a series the list showed', () => {
    expect(cutGroup(group, indexPushed(metrics.slice(1)))).toEqual({
      kind: 'lost',
      reason: `"lat" is not in the gateway's /metrics as the list showed it`,
    });
  });
});
