import { describe, expect, it } from 'vitest';
import type { RhythmView } from '../rhythm';
import { decodeCadence, encodeCadence, type CadenceAnswer } from './cadence';
import { WireShapeError } from './read';

const rhythm: RhythmView = {
  source: 'cron',
  intervalSeconds: 86_400,
  describe: 'expected daily at 03:00 UTC',
  basis: 1_000,
  lateAt: 90_000,
  nextDue: 87_400,
  staleAfter: 172_800,
};
const answer: CadenceAnswer = {
  available: true,
  reason: null,
  factor: 2,
  refreshMs: 60_000,
  refreshedAt: 1_700_000_000_000,
  intervals: { '{job="a"}': 86_400, '{job="b"}': 60 },
  rhythms: { '{job="a"}': rhythm },
  staleAfter: { '{job="a"}': 172_800 },
};
const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('the cadence answer', () => {
  it('comes back as it was sent', () => {
    expect(encodeCadence(decodeCadence(roundTrip(answer)))).toEqual(answer);
    const none = { ...answer, available: false, reason: 'Prometheus is not configured.', refreshedAt: null };
    expect(encodeCadence(decodeCadence(roundTrip({ ...none, intervals: {}, rhythms: {}, staleAfter: {} })))).toEqual({
      ...none,
      intervals: {},
      rhythms: {},
      staleAfter: {},
    });
  });

  it('leaves out rhythms and intervals it cannot read, and ignores fields it does not know', () => {
    const view = decodeCadence({
      ...answer,
      window: '7d',
      intervals: { a: -1, b: 'x', c: 60 },
      rhythms: { a: { ...rhythm, source: 'oracle' }, b: { ...rhythm, intervalSeconds: 0 }, c: rhythm },
    });
    expect([...view.intervals.keys()]).toEqual(['c']);
    expect([...view.rhythms.keys()]).toEqual(['c']);
  });

  it('refuses an answer that is not an object', () => {
    expect(() => decodeCadence('<html>')).toThrow(WireShapeError);
    expect(() => decodeCadence(null)).toThrow('a cadence answer this page cannot read: the message is null');
  });
});
