import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_FILE, HistoryStore } from './store';

const T0 = 1_760_000_000;
let dir: string;
let lines: string[];
const store = () => new HistoryStore(dir, (line) => lines.push(line));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pushboard-history-'));
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('HistoryStore', () => {
  it('writes the history atomically and reads it back after a restart', async () => {
    const first = store();
    for (let i = 0; i < 5; i++) first.record('{job="a"}', T0 + i * 60, i === 3 ? T0 + 200 : 0);
    await first.save();
    expect(readdirSync(dir)).toEqual([HISTORY_FILE]);
    const second = store();
    second.load();
    expect(second.ring('{job="a"}')?.entries()).toEqual(first.ring('{job="a"}')?.entries());
    expect(second.ring('{job="a"}')?.usual()).toBe(60);
    expect(lines).toEqual([]);
  });

  it('records a push once, however often the same times are seen', () => {
    const s = store();
    expect(s.record('{job="a"}', T0, 0)).toBe(true);
    expect(s.record('{job="a"}', T0, 0)).toBe(false);
    expect(s.record('{job="a"}', T0, T0 + 5)).toBe(true);
    expect(s.ring('{job="a"}')?.size).toBe(2);
  });

  for (const [what, text] of [
    ['not JSON', '{"format": "pushboard-push-his'],
    ['another program\u2019s JSON', '{"groups": {"a": [1, 2]}}'],
    ['a later version', '{"format": "pushboard-push-history", "version": 99, "groups": {}}'],
  ] as const) {
    it(`sets aside a file that is ${what}, says so, and starts afresh`, async () => {
      writeFileSync(path.join(dir, HISTORY_FILE), text);
      const s = store();
      s.load();
      expect(s.rings.size).toBe(0);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('is not usable');
      const aside = readdirSync(dir).filter((f) => f.startsWith(`${HISTORY_FILE}.unreadable-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(text);
      s.record('{job="a"}', T0, 0);
      await s.save();
      const again = store();
      again.load();
      expect(again.ring('{job="a"}')?.successes()).toEqual([T0]);
    });
  }

  it('forgets groups no longer on the gateway', () => {
    const s = store();
    s.record('{job="a"}', T0, 0);
    s.record('{job="b"}', T0, 0);
    s.keepOnly(new Set(['{job="b"}']));
    expect([...s.rings.keys()]).toEqual(['{job="b"}']);
  });
});
