import { describe, expect, it } from 'vitest';
import { parseText } from './text-parse';
import { goParseFloat } from './text-read';

const parse = (body: string, generation: 'legacy' | 'utf8' = 'legacy') => parseText(Buffer.from(body), generation);

describe('parseText: the gateway’s own words for a body it refuses', () => {
  // Each of these was compared with a real gateway's answer by e2e/push-check.spec.ts.
  it.each([
    ['bad-name 1\n', 'text format parsing error in line 1: expected float as value, got "-name"'],
    ['m{a-b="1"} 1\n', "text format parsing error in line 1: expected '=' after label name, found '-'"],
    ['m 1', 'text format parsing error in line 1: unexpected end of input stream'],
    ['m 1\r\n', 'text format parsing error in line 1: expected float as value, got "1\\r"'],
    [
      '# TYPE m gauge\n# TYPE m counter\nm 1\n',
      'text format parsing error in line 2: second TYPE line for metric name "m", or TYPE reported after samples',
    ],
    ['# TYPE m thing\nm 1\n', 'text format parsing error in line 1: unknown metric type "thing"'],
    ['m one\n', 'text format parsing error in line 1: expected float as value, got "one"'],
  ])('%j on both parsers', (body, error) => {
    expect(parse(body, 'legacy').error).toBe(error);
    expect(parse(body, 'utf8').error).toBe(error);
  });

  it('counts lines, comments and blank lines included', () => {
    expect(parse('# a comment\n\nm 1\nn{l="x"} two\n').error).toBe(
      'text format parsing error in line 4: expected float as value, got "two"',
    );
  });

  it('names the bad escape, label or value', () => {
    expect(parse('m{l="a\\qb"} 1\n').error).toBe("text format parsing error in line 1: invalid escape sequence '\\q'");
    expect(parse('m{a="1",a="2"} 1\n').error).toBe(
      'text format parsing error in line 1: duplicate label names for metric "m"',
    );
    expect(parse('t 1 x\n').error).toBe('text format parsing error in line 1: expected integer as timestamp, got "x"');
    expect(parse('# TYPE h histogram\nh_bucket{le="x"} 1\n').error).toBe(
      'text format parsing error in line 2: expected float as value for \'le\' label, got "x"',
    );
    expect(parse('m{__name__="x"} 1\n').error).toBe(
      'text format parsing error in line 1: label name "__name__" is reserved',
    );
  });
});

describe('parseText: 1.5.1’s parser (common v0.37) and 1.11’s (v0.61)', () => {
  it('reads quoted UTF-8 names only with the newer one', () => {
    expect(parse('{"my.metric"} 1\n', 'legacy').error).toBe('text format parsing error in line 1: invalid metric name');
    expect(parse('m{"my.label"="x"} 1\n', 'legacy').error).toBe(
      'text format parsing error in line 1: invalid label name for metric "m"',
    );
    expect(parse('{"my.metric", a="1"} 1\n', 'utf8')).toEqual({
      families: [
        {
          name: 'my.metric',
          help: '',
          type: 'UNTYPED',
          metrics: [{ labels: [['a', '1']], kind: 'untyped', value: 1 }],
        },
      ],
    });
  });

  it('knows \\" in HELP only in the newer one', () => {
    const body = '# HELP m say \\"hi\\"\nm 1\n';
    expect(parse(body, 'legacy').error).toBe("text format parsing error in line 1: invalid escape sequence '\\\"'");
    expect(parse(body, 'utf8').families[0]?.help).toBe('say "hi"');
  });
});

describe('parseText: what it reads', () => {
  it('joins a histogram’s lines into one metric per label set, and keeps timestamps', () => {
    const { families, error } = parse(
      '# HELP h Took.\n# TYPE h histogram\nh_bucket{a="1",le="0.5"} 1\nh_bucket{a="1",le="+Inf"} 2\nh_sum{a="1"} 3\nh_count{a="1"} 2\nt 1 1700000000000\n',
    );
    expect(error).toBeUndefined();
    expect(families).toEqual([
      {
        name: 'h',
        help: 'Took.',
        type: 'HISTOGRAM',
        metrics: [
          {
            labels: [['a', '1']],
            kind: 'histogram',
            histogram: {
              buckets: [
                [0.5, 1],
                [Infinity, 2],
              ],
              sum: 3,
              count: 2,
            },
          },
        ],
      },
      {
        name: 't',
        help: '',
        type: 'UNTYPED',
        metrics: [{ labels: [], kind: 'untyped', value: 1, timestampMs: '1700000000000' }],
      },
    ]);
  });

  it('leaves a label name starting with __ to the consistency check', () => {
    expect(parse('m{__x="1"} 1\n').families[0]?.metrics[0]?.labels).toEqual([['__x', '1']]);
  });
});

describe('goParseFloat', () => {
  it('reads what Go’s strconv.ParseFloat reads, and refuses the rest', () => {
    expect(goParseFloat('1e3')).toBe(1000);
    expect(goParseFloat('-Inf')).toBe(-Infinity);
    expect(goParseFloat('NaN')).toBeNaN();
    expect(goParseFloat('.5')).toBe(0.5);
    expect(goParseFloat('0x1p3')).toBeUndefined();
    expect(goParseFloat('1_000')).toBeUndefined();
    expect(goParseFloat('one')).toBeUndefined();
  });
});
