import { describe, expect, it } from 'vitest';
import { StreamCaps } from './stream-caps';

describe('stream caps', () => {
  it('admits streams up to the per-client cap and the total, and again once one ends', () => {
    const caps = new StreamCaps({ total: 3, perClient: 2 });
    const a1 = caps.admit('a');
    const a2 = caps.admit('a');
    expect(a1.ok && a2.ok).toBe(true);
    const a3 = caps.admit('a');
    expect(a3).toMatchObject({ ok: false, reason: expect.stringContaining('--max-streams-per-client') });
    expect(caps.admit('b').ok).toBe(true);
    expect(caps.admit('c')).toMatchObject({ ok: false, reason: expect.stringContaining('--max-streams') });
    if (!a1.ok) throw new Error('unreachable');
    a1.release();
    a1.release(); // twice is once
    expect(caps.count).toBe(2);
    expect(caps.admit('a').ok).toBe(true);
    expect(caps.admit('c').ok).toBe(false);
  });
});
