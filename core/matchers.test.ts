import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegexEngine, matches, matchesValue, parseQuery, parseSelector, type Query } from './matchers';

// Regex matchers are RE2's, loaded as the browser loads the engine.
beforeAll(() => loadRegexEngine());

const ok = (text: string): Query => {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.error);
  return result.query;
};
const error = (text: string) => {
  const result = parseQuery(text);
  return result.ok ? undefined : result.error;
};

describe('parseQuery', () => {
  it('reads free words, lower-cased', () => {
    expect(ok('  Backup  db-1 ')).toEqual({ matchers: [], words: ['backup', 'db-1'] });
    expect(ok('')).toEqual({ matchers: [], words: [] });
  });

  it('reads every operator, with or without braces, combined with words', () => {
    const q = ok('{job=~"etl.*", region="eu"} env!="dev" instance !~ \'db-.*\' slow');
    expect(q.matchers.map(({ name, op, value }) => [name, op, value])).toEqual([
      ['job', '=~', 'etl.*'],
      ['region', '=', 'eu'],
      ['env', '!=', 'dev'],
      ['instance', '!~', 'db-.*'],
    ]);
    expect(q.words).toEqual(['slow']);
  });

  it('reads quoted UTF-8 label names as Prometheus 3 writes them', () => {
    const q = ok('{job="example", "foo.bar"="baz"} \'service.name\'=~"api.*" "a\\"b" != "x" word "quoted word"');
    expect(q.matchers.map(({ name, op, value }) => [name, op, value])).toEqual([
      ['job', '=', 'example'],
      ['foo.bar', '=', 'baz'],
      ['service.name', '=~', 'api.*'],
      ['a"b', '!=', 'x'],
    ]);
    expect(q.words).toEqual(['word', '"quoted', 'word"']);
    expect(matches(q.matchers[1]!, { job: 'example', 'foo.bar': 'baz' })).toBe(true);
    expect(matches(q.matchers[1]!, { job: 'example', foo_bar: 'baz' })).toBe(false);
  });

  it('names a quoted label quoted in its errors', () => {
    expect(error('"foo.bar"=baz')).toBe('the value for "foo.bar" needs quotes: "foo.bar"="baz"');
    expect(error('{"foo.bar"}')).toBe('expected =, !=, =~ or !~ after "foo.bar"');
    expect(error('{"foo.bar="x"}')).toMatch(/^expected =, !=, =~ or !~ after/);
  });

  it('unescapes quoted values like PromQL, and keeps backquoted ones raw', () => {
    expect(ok('path="/a \\"b\\" \\\\ c"').matchers[0]!.value).toBe('/a "b" \\ c');
    expect(ok('path=`a\\d`').matchers[0]!.value).toBe('a\\d');
  });

  it.each([
    ['job=backup', 'the value for job needs quotes: job="backup"'],
    ['{job="a"', 'the { has no closing }'],
    ['job="a', 'the value for job has no closing "'],
    ['{job}', 'expected =, !=, =~ or !~ after job'],
    ['{1x="a"}', 'expected a label name at "1x="a"}"'],
  ])('explains %j', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('explains an invalid regular expression', () => {
    expect(error('instance=~"db-("')).toMatch(/^instance=~"db-\(" is not a valid regular expression: /);
  });
});

describe('@gateway', () => {
  const triples = (q: Query) => q.gatewayMatchers?.map(({ name, op, value }) => [name, op, value]);
  it('reads every operator on the gateway, apart from the label matchers, also inside braces', () => {
    const q = ok('@gateway="eu-1" {job="backup", @gateway=~"eu-.*"} @gateway!="x" @gateway !~ \'us.*\' slow');
    expect(triples(q)).toEqual([
      ['@gateway', '=', 'eu-1'],
      ['@gateway', '=~', 'eu-.*'],
      ['@gateway', '!=', 'x'],
      ['@gateway', '!~', 'us.*'],
    ]);
    expect(q.matchers.map((m) => m.name)).toEqual(['job']);
    expect(q.words).toEqual(['slow']);
  });

  it('leaves label-only queries as they were', () => {
    expect(ok('job="a" b')).toEqual({ matchers: [expect.objectContaining({ name: 'job' })], words: ['b'] });
    expect(ok('job="a"').gatewayMatchers).toBeUndefined();
  });

  it('takes a quoted "@gateway" for a label name, not the gateway', () => {
    const q = ok('"@gateway"="eu-1"');
    expect(q.gatewayMatchers).toBeUndefined();
    expect(q.matchers.map((m) => m.name)).toEqual(['@gateway']);
  });

  it('matches the anchored regular expression against the name, a missing gateway as ""', () => {
    const [m] = ok('@gateway=~"eu-.*"').gatewayMatchers!;
    expect(matchesValue(m!, 'eu-1')).toBe(true);
    expect(matchesValue(m!, 'xeu-1')).toBe(false);
    expect(matchesValue(m!, '')).toBe(false);
    expect(matchesValue(ok('@gateway!="x"').gatewayMatchers![0]!, '')).toBe(true);
  });

  it.each([
    ['@foo="x"', 'unknown filter @foo: only @gateway is known'],
    ['{job="a", @instance=~"x"}', 'unknown filter @instance: only @gateway is known'],
    ['@gateway', 'expected =, !=, =~ or !~ after @gateway'],
    ['@gateway=eu-1', 'the value for @gateway needs quotes: @gateway="eu-1"'],
  ])('explains %j', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('keeps other words starting with @ as words', () => {
    expect(ok('@home user@host').words).toEqual(['@home', 'user@host']);
  });

  it('is refused in a prune rule selector, which names its gateways in gateways:', () => {
    expect(parseSelector('{job="a", @gateway="eu-1"}')).toEqual({
      ok: false,
      error: '@gateway is not a label: a prune rule picks its gateways with its own gateways: list',
    });
  });
});

describe('matches', () => {
  const labels = { job: 'etl', instance: 'db-12', path: '/var/x' };
  const m = (text: string) => ok(text).matchers[0]!;
  it('anchors regular expressions, as PromQL does', () => {
    expect(matches(m('instance=~"db-.*"'), labels)).toBe(true);
    expect(matches(m('instance=~"db"'), labels)).toBe(false);
    expect(matches(m('instance!~"db"'), labels)).toBe(true);
  });
  it('treats a missing label as empty', () => {
    expect(matches(m('env!="dev"'), labels)).toBe(true);
    expect(matches(m('env=""'), labels)).toBe(true);
    expect(matches(m('env=~".+"'), labels)).toBe(false);
  });
  it('compares exactly', () => {
    expect(matches(m('path="/var/x"'), labels)).toBe(true);
    expect(matches(m('job="ETL"'), labels)).toBe(false);
  });
});

describe("regular expressions with Prometheus' own semantics (RE2)", () => {
  const m = (text: string) => ok(text).matchers[0]!;

  it('match in time linear in the value, whatever the pattern', () => {
    // A backtracking engine takes 2^40 steps here: the test would never end.
    expect(matches(m('job=~"(a+)+b"'), { job: `${'a'.repeat(40)}!` })).toBe(false);
    expect(matches(m('job=~"(a|aa)*c"'), { job: 'a'.repeat(5000) })).toBe(false);
    expect(matches(m('job=~"(a+)+b"'), { job: 'aaab' })).toBe(true);
  });

  it.each([
    ['job=~"(?=ci)ci_.*"', 'invalid or unsupported Perl syntax'],
    ['job=~"(?!main).*"', 'invalid or unsupported Perl syntax'],
    ['job=~"(?<=x)y"', 'invalid named capture'],
    ['job=~"(a)\\\\1"', 'invalid escape sequence'],
  ])('refuses %s, as Prometheus would, and says why', (text, reason) => {
    const message = error(text);
    expect(message).toMatch(/ is not a valid regular expression: /);
    expect(message).toMatch(new RegExp(reason));
    expect(message).toContain('(Prometheus uses RE2: no lookahead, lookbehind or backreferences)');
  });

  it('accepts what RE2 accepts and JavaScript does not, with its meaning', () => {
    expect(matches(m('job=~"(?i)backup"'), { job: 'BackUp' })).toBe(true);
    expect(matches(m('job=~"\\\\pL+"'), { job: 'été' })).toBe(true);
    expect(matches(m('job=~"(?P<name>etl)_\\\\d+"'), { job: 'etl_12' })).toBe(true);
    expect(matches(m('job=~"[[:alpha:]]+"'), { job: 'etl' })).toBe(true);
  });

  it('anchors as Prometheus does, ^(?s:…)$: the whole value, a dot across lines', () => {
    expect(matches(m('job=~"a|b"'), { job: 'ab' })).toBe(false);
    expect(matches(m('job=~"a|b"'), { job: 'b' })).toBe(true);
    expect(matches(m('job=~"a.b"'), { job: 'a\nb' })).toBe(true);
  });
});
