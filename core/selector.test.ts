import { describe, expect, it } from 'vitest';
import { byCodeUnits, escapeLabelValue, formatSelector, orderedLabelNames } from './selector';

describe('escapeLabelValue', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a\\b', 'a\\\\b'],
    ['say "hi"', 'say \\"hi\\"'],
    ['one\ntwo', 'one\\ntwo'],
    ['\\n', '\\\\n'],
    ['"}', '\\"}'],
    ['\\"\n', '\\\\\\"\\n'],
    ['/var/tmp', '/var/tmp'],
    ['tab\there', 'tab\there'],
    ['ünï€ode', 'ünï€ode'],
  ])('%j → %j', (value, escaped) => {
    expect(escapeLabelValue(value)).toBe(escaped);
  });

  it('escapes every occurrence', () => {
    expect(escapeLabelValue('\n\n""\\\\')).toBe('\\n\\n\\"\\"\\\\\\\\');
  });

  it('round-trips through a JSON string decoder, whose escapes PromQL shares for these characters', () => {
    const value = 'a\\b "c"\nd';
    expect(JSON.parse(`"${escapeLabelValue(value)}"`)).toBe(value);
  });
});

describe('orderedLabelNames', () => {
  it('puts job first, then the other names in code-unit order', () => {
    expect(orderedLabelNames({ zone: '1', path: '2', job: 'j', empty: '', instance: 'i' })).toEqual([
      'job',
      'empty',
      'instance',
      'path',
      'zone',
    ]);
  });

  it('sorts upper case before lower case and underscore between, like Prometheus', () => {
    expect(orderedLabelNames({ b: '', _a: '', B: '', a: '' })).toEqual(['B', '_a', 'a', 'b']);
  });

  it('does without a job', () => {
    expect(orderedLabelNames({ b: '1', a: '2' })).toEqual(['a', 'b']);
    expect(orderedLabelNames({})).toEqual([]);
  });
});

describe('formatSelector', () => {
  it('writes job first, then the other labels by name', () => {
    expect(formatSelector({ path: '/var/tmp', empty: '', job: 'batch' })).toBe(
      '{job="batch", empty="", path="/var/tmp"}',
    );
  });

  it('is the same whatever the order of the keys', () => {
    const a = formatSelector({ job: 'j', instance: 'i', a: '1' });
    const b = formatSelector({ a: '1', instance: 'i', job: 'j' });
    expect(a).toBe('{job="j", a="1", instance="i"}');
    expect(b).toBe(a);
  });

  it('escapes values like PromQL', () => {
    expect(formatSelector({ job: 'a\\b', q: '"}', n: 'x\ny' })).toBe('{job="a\\\\b", n="x\\ny", q="\\"}"}');
  });

  it('quotes UTF-8 label names as Prometheus 3 does', () => {
    expect(formatSelector({ job: 'example', 'foo.bar': 'baz' })).toBe('{job="example", "foo.bar"="baz"}');
    expect(formatSelector({ job: 'j', 'say "hi"': 'v', '1st': 'x', ok_1: 'y' })).toBe(
      '{job="j", "1st"="x", ok_1="y", "say \\"hi\\""="v"}',
    );
  });

  it('writes an empty label set as {}', () => {
    expect(formatSelector({})).toBe('{}');
  });
});

describe('byCodeUnits', () => {
  it('orders by UTF-16 code units, not by locale', () => {
    expect(['b', 'a', 'B', 'é', 'e'].sort(byCodeUnits)).toEqual(['B', 'a', 'b', 'e', 'é']);
    expect(byCodeUnits('x', 'x')).toBe(0);
  });
});
