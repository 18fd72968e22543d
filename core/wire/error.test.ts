import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway-read';
import { decodeError, encodeError } from './error';

describe('the wire form of an error', () => {
  it('gives back a GatewayError with its kind, status and Retry-After', () => {
    const wire = JSON.parse(JSON.stringify(encodeError(new GatewayError('http', 'Busy.', 429, '30'))));
    const back = decodeError(wire);
    expect(back).toBeInstanceOf(GatewayError);
    expect(back).toMatchObject({ kind: 'http', message: 'Busy.', status: 429, retryAfter: '30' });
  });

  it('leaves out what a network error does not have', () => {
    expect(encodeError(new GatewayError('network', 'Unreachable.'))).toEqual({
      kind: 'network',
      message: 'Unreachable.',
    });
  });

  it('gives back any other failure as a plain Error', () => {
    const back = decodeError(encodeError(new TypeError('boom')));
    expect(back).not.toBeInstanceOf(GatewayError);
    expect(back.message).toBe('boom');
    expect(encodeError('text')).toEqual({ kind: 'other', message: 'text' });
  });
});
