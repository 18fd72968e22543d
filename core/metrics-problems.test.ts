import { describe, expect, it } from 'vitest';
import { ResponseShapeError, parseFamily, parseGroup, parseMetricsResponse } from './metrics';
import type { Family, Group } from './metrics-types';

type Labels = Record<string, string>;

const gauge = (metrics: unknown, type: unknown = 'GAUGE') => ({
  time_stamp: '2026-11-24T21:06:23.1Z',
  type,
  help: 'h',
  metrics,
});

/** A group as the gateway writes it; `extra` adds or overwrites keys. */
function rawGroup(labels: Labels, extra: Record<string, unknown> = {}, push = '1.7e+09', failure = '0') {
  const sampleLabels = { instance: '', ...labels };
  return {
    labels,
    last_push_successful: !(Number(failure) > Number(push)),
    push_time_seconds: gauge([{ labels: sampleLabels, value: push }]),
    push_failure_time_seconds: gauge([{ labels: sampleLabels, value: failure }]),
    ...extra,
  };
}

const ok = (data: unknown[]) => parseMetricsResponse({ status: 'success', data });

function shapeError(json: unknown): ResponseShapeError {
  try {
    parseMetricsResponse(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseShapeError);
    return error as ResponseShapeError;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('envelope errors throw ResponseShapeError', () => {
  it.each([
    ['a string', 'hello', 'expected a JSON object, got a string'],
    ['an array', [], 'expected a JSON object, got an array'],
    ['null', null, 'expected a JSON object, got null'],
    ['no status', { data: [] }, 'status is null, not "success"'],
    ['status "error"', { status: 'error', error: 'bad\n  query' }, 'status is "error", not "success": bad query'],
    ['data an object', { status: 'success', data: {} }, '"data" is an object, not an array'],
    ['data a string', { status: 'success', data: '[]' }, '"data" is a string, not an array'],
  ])('%s', (_, json, message) => {
    const error = shapeError(json);
    expect(error.message).toBe(message);
    expect(error.name).toBe('ResponseShapeError');
  });

  it('shortens a long error text from the gateway', () => {
    const error = shapeError({ status: 'error', error: 'x'.repeat(5000) });
    expect(error.message).toBe(`status is "error", not "success": ${'x'.repeat(80)}…`);
  });

  it('accepts an empty list of groups', () => {
    expect(ok([])).toEqual([]);
  });
});

describe('one bad group never hides the others', () => {
  const good = rawGroup({ job: 'good' }, { up: gauge([{ labels: { job: 'good' }, value: '1' }]) });

  function parseWithGood(bad: unknown): { bad: Group; good: Group } {
    const groups = ok([good, bad, rawGroup({ job: 'other' })]);
    expect(groups).toHaveLength(3);
    const [first, second, third] = groups as [Group, Group, Group];
    expect(first.problem).toBeUndefined();
    expect(first.families.map((f) => f.name)).toEqual(['up']);
    expect(third.selector).toBe('{job="other"}');
    expect(third.problem).toBeUndefined();
    return { bad: second, good: first };
  }

  it.each([
    ['an unknown TYPE', { type: 'HISTOGRAM_V2', metrics: [] }, 'Family "x" has an unknown TYPE "HISTOGRAM_V2"'],
    ['no TYPE', { metrics: [] }, 'Family "x" has an unknown TYPE null'],
    ['metrics that are not an array', gauge({ a: 1 }), 'Family "x" has "metrics" that are an object, not an array'],
    [
      'a value that is a number',
      gauge([{ labels: {}, value: 1 }]),
      'Family "x" has a sample that has a value that is not text',
    ],
    ['a sample that is null', gauge([null]), 'Family "x" has a sample that is null'],
    [
      'sample labels with a number',
      gauge([{ labels: { a: 1 }, value: '1' }]),
      'Family "x" has a sample that has labels that are not text',
    ],
    [
      'a summary without sum',
      gauge([{ labels: {}, quantiles: {}, count: '1' }]),
      'Family "x" has a sample that has no value, or no count and sum',
    ],
    [
      'quantiles with a number',
      gauge([{ labels: {}, quantiles: { '0.5': 1 }, count: '1', sum: '1' }]),
      'Family "x" has a sample that has quantiles that are not text',
    ],
    [
      'a sample of no known kind',
      gauge([{ labels: {}, count: '1', sum: '1' }]),
      'Family "x" has a sample that is neither a value, a summary nor a histogram',
    ],
    ['a HELP that is a number', { ...gauge([]), help: 3 }, 'Family "x" has a HELP that is not text'],
    ['a time_stamp that is a number', { ...gauge([]), time_stamp: 3 }, 'Family "x" has a time_stamp that is not text'],
    ['a family that is a string', 'oops', 'Family "x" is a string, not a metric family'],
  ])('a family with %s', (_, family, problem) => {
    const { bad } = parseWithGood(rawGroup({ job: 'bad' }, { x: family, y: gauge([{ labels: {}, value: '2' }]) }));
    expect(bad.problem).toBe(problem);
    expect(bad.selector).toBe('{job="bad"}');
    // The unreadable family is left out; the readable one is kept.
    expect(bad.families.map((f) => f.name)).toEqual(['y']);
  });

  it.each([
    ['a number', 42, 'Entry 1 is a number, not a group'],
    ['null', null, 'Entry 1 is null, not a group'],
    ['an array', [], 'Entry 1 is an array, not a group'],
    ['a string', 'group', 'Entry 1 is a string, not a group'],
  ])('a group that is %s', (_, raw, problem) => {
    const { bad } = parseWithGood(raw);
    expect(bad).toMatchObject({
      key: 'unreadable-group-1',
      selector: '{?}',
      job: '',
      labels: {},
      families: [],
      problem,
    });
  });

  it('a group whose labels lack a job: recovered from push_time_seconds', () => {
    const raw = rawGroup({ job: 'lost', instance: 'i' }, { labels: { instance: 'i' } });
    const { bad } = parseWithGood(raw);
    expect(bad.labels).toEqual({ job: 'lost', instance: 'i' });
    expect(bad.selector).toBe('{job="lost", instance="i"}');
    expect(bad.problem).toBe('Its "labels" are without a job; the labels shown were recovered from its samples');
  });

  it('a group with an empty job is treated as lacking one', () => {
    const { bad } = parseWithGood(rawGroup({ job: 'x' }, { labels: { job: '' } }));
    expect(bad.labels).toEqual({ job: 'x' });
    expect(bad.problem).toMatch(/^Its "labels" are without a job; the labels shown were recovered/);
  });

  it('a group with no labels and nothing to recover them from', () => {
    const { bad } = parseWithGood({ last_push_successful: true, up: gauge([{ labels: { job: 'x' }, value: '1' }]) });
    expect(bad.key).toBe('unreadable-group-1');
    expect(bad.selector).toBe('{?}');
    expect(bad.problem).toBe('Its "labels" are missing; its grouping key is unknown');
    // What could be read is still shown.
    expect(bad.families.map((f) => f.name)).toEqual(['up']);
    expect(bad.lastPushSuccessful).toBe(true);
  });

  it('a group whose labels are an array', () => {
    const { bad } = parseWithGood(rawGroup({ job: 'arr' }, { labels: ['job', 'arr'] }));
    expect(bad.labels).toEqual({ job: 'arr' });
    expect(bad.problem).toBe(
      'Its "labels" are an array of the wrong shape; the labels shown were recovered from its samples',
    );
  });
});

describe('groups the gateway itself lets go wrong', () => {
  it('derives success from the times when last_push_successful was overwritten by a family', () => {
    const family = gauge([{ labels: { job: 'a' }, value: '7' }]);
    const failed = parseGroup(rawGroup({ job: 'a' }, { last_push_successful: family }, '100', '200'), 0);
    expect(failed.lastPushSuccessful).toBe(false);
    expect(failed.problem).toBe(
      'A pushed metric family named "last_push_successful" overwrote the gateway\'s own "last_push_successful" field',
    );
    expect(failed.families.map((f) => f.name)).toEqual(['last_push_successful']);
    expect(failed.labels).toEqual({ job: 'a' });

    const succeeded = parseGroup(rawGroup({ job: 'a' }, { last_push_successful: family }, '200', '100'), 0);
    expect(succeeded.lastPushSuccessful).toBe(true);
  });

  it('trusts a boolean last_push_successful over the times', () => {
    const group = parseGroup({ ...rawGroup({ job: 'a' }, {}, '200', '100'), last_push_successful: false }, 0);
    expect(group.lastPushSuccessful).toBe(false);
    expect(group.problem).toBeUndefined();
  });

  it('reads an unreadable push time as 0', () => {
    const group = parseGroup(rawGroup({ job: 'a' }, {}, 'NaN', '+Inf'), 0);
    expect([group.pushTime, group.failureTime]).toEqual([0, 0]);
  });

  it('does not mistake a grouping key with labels named "type" and "metrics" for a family', () => {
    const labels = { job: 'j', type: 'nightly', metrics: 'all' };
    const group = parseGroup(rawGroup(labels), 0);
    expect(group.problem).toBeUndefined();
    expect(group.labels).toEqual(labels);
    expect(group.selector).toBe('{job="j", metrics="all", type="nightly"}');
    expect(group.families).toEqual([]);
  });

  it('makes duplicate keys unique', () => {
    const groups = ok([rawGroup({ job: 'a' }), rawGroup({ job: 'a' }), rawGroup({ job: 'b' }), rawGroup({ job: 'a' })]);
    expect(groups.map((g) => g.key)).toEqual(['{job="a"}', '{job="a"}#1', '{job="b"}', '{job="a"}#3']);
    expect(groups.map((g) => g.selector)).toEqual(['{job="a"}', '{job="a"}', '{job="b"}', '{job="a"}']);
  });

  it('gives a labels-overwritten group a unique key even when it collides with a sound one', () => {
    const weird = rawGroup({ job: 'w' }, { labels: gauge([{ labels: { job: 'w', instance: '' }, value: '1' }]) });
    const groups = ok([rawGroup({ job: 'w' }), weird]);
    expect(groups.map((g) => g.key)).toEqual(['{job="w"}', '{job="w"}#1']);
    expect(groups[1]?.problem).toMatch(/named "labels" overwrote/);
  });
});

describe('hostile strings are data', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '"}',
    'line one\nline two\r\n',
    'שלום \u202Eevil\u202C عربى',
    'x'.repeat(10_000),
    '\\"\\n',
  ];

  it.each(hostile.map((s) => [s.slice(0, 30), s]))('passes %j through unchanged', (_, text) => {
    const labels = { job: text, instance: text, [`l_${text.length}`]: text };
    const family: Record<string, unknown> = {
      type: 'GAUGE',
      help: text,
      time_stamp: text,
      metrics: [{ labels: { ...labels, extra: text }, value: text }],
    };
    const [group] = ok([rawGroup(labels, { [text]: family })]) as [Group];
    expect(group.problem).toBeUndefined();
    expect(group.labels).toEqual(labels);
    expect(group.job).toBe(text);
    expect(group.instance).toBe(text);
    const parsed = group.families[0] as Family;
    expect(group.families).toHaveLength(1);
    expect(parsed.name).toBe(text);
    expect(parsed.help).toBe(text);
    expect(parsed.timeStamp).toBe(text);
    expect(parsed.samples).toEqual([{ kind: 'value', labels: { ...labels, extra: text }, value: text }]);
  });

  it('escapes only inside the selector', () => {
    const [group] = ok([rawGroup({ job: '"}', instance: 'a\nb' })]) as [Group];
    expect(group.labels).toEqual({ job: '"}', instance: 'a\nb' });
    expect(group.selector).toBe('{job="\\"}", instance="a\\nb"}');
  });

  it('shortens a hostile family name inside a problem message', () => {
    const name = `<b>${'n'.repeat(200)}`;
    const group = parseGroup(rawGroup({ job: 'a' }, { [name]: gauge([], 'BOGUS') }), 0);
    expect(group.problem).toBe(`Family "${name.slice(0, 60)}…" has an unknown TYPE "BOGUS"`);
  });
});

describe('parseFamily', () => {
  it('reads GAUGE_HISTOGRAM as 1.5.1 returns it, a single value', () => {
    const family = parseFamily('gh', { type: 'GAUGE_HISTOGRAM', metrics: [{ labels: {}, value: '0' }] });
    expect(family).toEqual({
      name: 'gh',
      type: 'GAUGE_HISTOGRAM',
      help: '',
      timeStamp: '',
      samples: [{ kind: 'value', labels: {}, value: '0' }],
    });
  });

  it('rejects a lower-case type', () => {
    expect(parseFamily('g', { type: 'gauge', metrics: [] })).toBe('has an unknown TYPE "gauge"');
  });
});
