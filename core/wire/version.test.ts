import { describe, expect, it } from 'vitest';
import { parseWireVersion, WIRE_VERSION, wireFit } from './version';

describe('the wire version', () => {
  it('is major.minor', () => {
    expect(parseWireVersion(WIRE_VERSION)).toEqual({ major: expect.any(Number), minor: expect.any(Number) });
  });

  it('carries on across minor steps, either way', () => {
    expect(wireFit('1.0', '1.0')).toBe('same');
    expect(wireFit('1.3', '1.0')).toBe('newer');
    expect(wireFit('1.0', '1.2')).toBe('older');
  });

  it('asks for a reload on another major', () => {
    expect(wireFit('2.0', '1.0')).toBe('reload');
    expect(wireFit('1.9', '2.0')).toBe('reload');
    expect(wireFit('10.0', '1.0')).toBe('reload');
  });

  it('asks for a reload on a version it cannot read', () => {
    expect(wireFit('one', '1.0')).toBe('reload');
    expect(wireFit('2', '1.0')).toBe('reload');
    expect(wireFit('', '1.0')).toBe('reload');
  });

  it('takes a server with no version for one from before versions, that is 1.0', () => {
    expect(wireFit(undefined, '1.0')).toBe('same');
    expect(wireFit(null, '1.1')).toBe('older');
    expect(wireFit(undefined, '2.0')).toBe('reload');
  });
});
