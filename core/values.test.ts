import { describe, expect, it } from 'vitest';
import { compareGoFloats, formatValue, parseGoFloat } from './values';

describe('parseGoFloat', () => {
  it.each([
    ['1.7955543833202488e+09', 1795554383.3202488],
    ['1.23456789e+09', 1234567890],
    ['812.5', 812.5],
    ['42', 42],
    ['1e-300', 1e-300],
    ['-1.5e+20', -1.5e20],
    ['0', 0],
    ['+Inf', Infinity],
    ['Inf', Infinity],
    ['-Inf', -Infinity],
  ])('%s → %d', (raw, value) => {
    expect(parseGoFloat(raw)).toBe(value);
  });

  it('reads NaN', () => {
    expect(parseGoFloat('NaN')).toBeNaN();
  });

  it('keeps the sign of -0', () => {
    expect(Object.is(parseGoFloat('-0'), -0)).toBe(true);
  });

  it.each(['', ' ', 'abc', '1,5', 'infinity', 'nan'])('reads %j as NaN', (raw) => {
    expect(parseGoFloat(raw)).toBeNaN();
  });
});

describe('compareGoFloats', () => {
  it('orders numerically, not as text', () => {
    expect(compareGoFloats('2.5', '10')).toBeLessThan(0);
    expect(compareGoFloats('10', '2.5')).toBeGreaterThan(0);
    expect(compareGoFloats('1e-3', '0.01')).toBeLessThan(0);
    expect(compareGoFloats('1', '1.0')).toBe(0);
    expect(compareGoFloats('-0', '0')).toBe(0);
  });

  it('sorts -Inf first, +Inf after every number, NaN last', () => {
    const values = ['NaN', '+Inf', '10', '-Inf', '2.5', 'NaN', '-1e+300', '0.1', '1e+300'];
    expect([...values].sort(compareGoFloats)).toEqual([
      '-Inf',
      '-1e+300',
      '0.1',
      '2.5',
      '10',
      '1e+300',
      '+Inf',
      'NaN',
      'NaN',
    ]);
  });

  it('treats NaN as equal to NaN and greater than everything else', () => {
    expect(compareGoFloats('NaN', 'NaN')).toBe(0);
    expect(compareGoFloats('NaN', '+Inf')).toBe(1);
    expect(compareGoFloats('+Inf', 'NaN')).toBe(-1);
    expect(compareGoFloats('', '1')).toBe(1);
  });
});

describe('formatValue', () => {
  it.each([
    ['1.23456789e+09', '1,234,567,890'],
    ['1.7955543833202488e+09', '1,795,554,383.3202'],
    ['812.5', '812.5'],
    ['0.30000000000000004', '0.3'],
    ['42', '42'],
    ['-42', '-42'],
    ['0', '0'],
    ['-0', '0'],
    ['0.0001', '0.0001'],
    ['0.25', '0.25'],
    ['123.4567891', '123.4568'],
    ['1234567.5', '1,234,567.5'],
    ['999999999999999', '999,999,999,999,999'],
    ['1e+15', '1e+15'],
    ['1e-300', '1e-300'],
    ['1.5e-300', '1.5e-300'],
    ['-1.5e+20', '-1.5e+20'],
    ['1.23456789e+20', '1.2346e+20'],
    ['0.00001234567', '1.2346e-5'],
    ['NaN', 'NaN'],
    ['+Inf', '+Inf'],
    ['-Inf', '-Inf'],
  ])('%s → %s', (raw, readable) => {
    expect(formatValue(raw)).toBe(readable);
  });

  it('shows text that is not a number as it is', () => {
    expect(formatValue('')).toBe('');
    expect(formatValue('<b>x</b>')).toBe('<b>x</b>');
  });
});
