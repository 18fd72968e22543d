import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { surviveClosedOutput } from './output-closed.ts';

const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('surviveClosedOutput', () => {
  it('drops a write that fails with EPIPE instead of ending the process', () => {
    const out = new PassThrough();
    surviveClosedOutput([out]);
    expect(() => out.emit('error', failure('EPIPE'))).not.toThrow();
  });

  it('still fails on any other write error', () => {
    const out = new PassThrough();
    surviveClosedOutput([out]);
    expect(() => out.emit('error', failure('ENOSPC'))).toThrow('write ENOSPC');
  });

  it('without it, an EPIPE on a stream with no listener throws (what ended the server)', () => {
    const out = new PassThrough();
    expect(() => out.emit('error', failure('EPIPE'))).toThrow('write EPIPE');
  });
});
