import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../core/metrics-types';
import type { GatewayState } from './gateway-state';
import { FIRST_SCREEN, streamHandler } from './stream';

const group = (key: string) => ({ key, labels: { job: key }, metrics: [] }) as unknown as Group;

/** A model with more groups than the first screen, and a response that keeps what is written. */
function setUp() {
  const groups = Array.from({ length: FIRST_SCREEN + 3 }, (_, i) => group(`g${i}`));
  const state = Object.assign(new EventEmitter(), {
    version: 1,
    status: { lastSuccess: 1, error: null, intervalMs: 5000 },
    lastAnswerBytes: 0,
    acquire: () => () => {},
    snapshot: () => ({ version: 1, groups, status: state.status }),
  });
  const written: string[] = [];
  const res = Object.assign(new EventEmitter(), {
    writableLength: 0,
    status: () => res,
    setHeader: () => res,
    flushHeaders: () => {},
    write: (bytes: Buffer) => written.push(bytes.toString()),
    destroy: () => {},
  });
  const events = () => written.map((t) => /^event: (\w+)/.exec(t)?.[1]).filter(Boolean);
  const req = Object.assign(new EventEmitter(), {
    socket: { remoteAddress: '127.0.0.1' },
    acceptsEncodings: () => 'identity',
  });
  streamHandler(state as unknown as GatewayState)(req as unknown as Request, res as unknown as Response);
  return { state, events };
}

describe('streamHandler', () => {
  it('sends the first screen at once and what changed only after the rest of the snapshot', async () => {
    const { state, events } = setUp();
    expect(events()).toEqual(['snapshot']);
    state.emit('diff', 2, { changed: [], removed: [], order: null });
    state.emit('status', { ...state.status, lastSuccess: 2 });
    expect(events()).toEqual(['snapshot']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events()).toEqual(['snapshot', 'rest', 'diff', 'status']);
    state.emit('status', state.status);
    expect(events()).toEqual(['snapshot', 'rest', 'diff', 'status', 'status']);
  });
});
