import { describe, expect, it } from 'vitest';
import type { RhythmView } from '../rhythm';
import { decodeGroupHistory, decodeJobStrips, encodeJobStrips, type GroupHistory } from './history';
import { WireShapeError } from './read';

const rhythm: RhythmView = {
  source: 'learned',
  intervalSeconds: 60,
  describe: 'usually every 1m',
  basis: 1_000,
  lateAt: 1_130,
  nextDue: 1_060,
};
const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('the push history', () => {
  const history: GroupHistory = {
    pushes: [
      { time: 100, ok: true },
      { time: 160, ok: false },
    ],
    rhythm,
    shared: [{ name: 'up', type: 'gauge', help: 'Up.', groups: 2 }],
  };

  it('comes back as it was sent, one group’s and every job’s', () => {
    expect(decodeGroupHistory(roundTrip(history))).toEqual(history);
    expect(decodeGroupHistory(roundTrip({ ...history, rhythm: null, shared: [] }))).toEqual({
      ...history,
      rhythm: null,
      shared: [],
    });
    const strips = new Map([
      ['j1', history.pushes],
      ['j2', []],
    ]);
    expect(decodeJobStrips(roundTrip(encodeJobStrips(strips)))).toEqual(strips);
  });

  it('leaves out pushes it cannot read, and refuses an answer that is not an object', () => {
    expect(
      decodeGroupHistory({
        pushes: [
          { time: 'x', ok: true },
          { time: 5, ok: true },
        ],
      }).pushes,
    ).toEqual([{ time: 5, ok: true }]);
    expect(() => decodeGroupHistory([])).toThrow('a group’s history this page cannot read: the message is an array');
    expect(() => decodeJobStrips(7)).toThrow(WireShapeError);
  });
});
