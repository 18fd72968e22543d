import { describe, expect, it } from 'vitest';
import { decodeVerdict, type Verdict } from './check';

const verdict: Verdict = {
  accepted: false,
  status: 400,
  reasons: ['gathered metric family shared has type COUNTER but should have GAUGE'],
  answer: 'pushed metrics are invalid or inconsistent with existing metrics: …',
  varies: true,
  notes: ['shared: its HELP differs'],
  groupingKey: { job: 'backup', instance: 'db/1' },
  gateway: { version: '1.11.0', utf8Names: true, consistencyCheck: true },
};

describe('the push check’s verdict', () => {
  it('comes back as it was sent', () => {
    expect(decodeVerdict(JSON.parse(JSON.stringify(verdict)))).toEqual(verdict);
    const bare = { ...verdict, accepted: true, status: 202, reasons: [], answer: '', groupingKey: null };
    expect(decodeVerdict(JSON.parse(JSON.stringify(bare)))).toEqual(bare);
  });

  it('refuses a verdict with a field amiss, saying which', () => {
    expect(() => decodeVerdict({ ...verdict, accepted: 'no' })).toThrow('accepted is a string, not true or false');
    expect(() => decodeVerdict({ ...verdict, gateway: { version: '1.5.1' } })).toThrow('gateway.utf8Names is missing');
    expect(() => decodeVerdict({ ...verdict, groupingKey: { job: 1 } })).toThrow('groupingKey');
  });
});
