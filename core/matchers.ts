/**
 * The filter box's language: free words and PromQL-style label matchers, combinable:
 * `backup`, `job="backup"`, `instance=~"db-.*"`, `env!="dev"`, `{job=~"etl.*", region="eu"} slow`.
 * Matchers apply to grouping labels with PromQL's semantics: regexes are anchored, and a missing
 * label counts as the empty string. UTF-8 label names are quoted as in Prometheus 3:
 * `"foo.bar"="baz"`, `{"service.name"=~"api.*"}`.
 *
 * Names starting with `@` are not labels (karma's convention): `@gateway="eu-1"`,
 * `@gateway=~"eu-.*"` match the name of the gateway holding the group, with the same semantics (a
 * group without a gateway counts as ""). They are kept apart from the label matchers, so nothing
 * that writes label matchers as a selector (a prune rule's `match`) can take one for a label.
 *
 * Regular expressions are Prometheus' own: RE2 syntax and semantics (re2js, a port of RE2), fully
 * anchored as Prometheus anchors them (`^(?s:…)$`), so a pattern is accepted or refused as
 * Prometheus would (no lookaround, no backreferences), and matching takes time linear in the
 * value, whatever the pattern (`(a+)+b` cannot stall the server or a tab). The engine is loaded
 * once: the server installs it at start (server/regex-engine.ts); the browser loads it
 * (`loadRegexEngine`, its own 46 kB gzipped chunk) only when a regex matcher is typed or a rule
 * holds one. Until then, parsing a regex matcher answers `pending`.
 */
import type { RE2JS } from 're2js';
import { escapeLabelValue, formatLabelName } from './selector';

export const MATCH_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** For =~ and !~: the anchored regular expression (RE2). */
  regex?: RegexTest;
}

/** A compiled regular expression, as a matcher uses it. */
export interface RegexTest {
  test(value: string): boolean;
}

type Engine = typeof RE2JS;
let engine: Engine | undefined;
let loading: Promise<void> | undefined;

/** Puts the RE2 engine in place at once (the server, which imports it statically). */
export function installRegexEngine(re2: Engine): void {
  engine = re2;
}

/** Loads the RE2 engine, once; until it is in place, regex matchers parse as `pending`. */
export function loadRegexEngine(): Promise<void> {
  loading ??= import('re2js').then(
    (module) => installRegexEngine(module.RE2JS),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export const regexEngineReady = (): boolean => engine !== undefined;

/** Whether this text holds a regex operator, and so needs the engine to be parsed. */
export const needsRegexEngine = (text: string): boolean => /[=!]~/.test(text);

/** JavaScript-only syntax RE2 refuses, named in the message as Prometheus users would look for it. */
const JS_ONLY = /\(\?<?[=!]|\\[1-9]|\\k<|\\g/;

/** `value` compiled as Prometheus compiles a matcher's regex; throws a readable reason. */
function compileRegex(value: string): RegexTest {
  if (!engine) throw new PendingError();
  let compiled: ReturnType<Engine['compile']>;
  try {
    compiled = engine.compile(`^(?s:${value})$`);
  } catch (error) {
    const hint = JS_ONLY.test(value) ? ' (Prometheus uses RE2: no lookahead, lookbehind or backreferences)' : '';
    throw new Error(`${(error as Error).message.replace(/^error parsing regexp: /i, '')}${hint}`);
  }
  return { test: (v) => compiled.matches(v) };
}

export interface Query {
  /** Matchers on grouping labels. */
  matchers: Matcher[];
  /** Matchers on the gateway's name (`@gateway=…`, each named "@gateway"); absent when there are none. */
  gatewayMatchers?: Matcher[];
  /** Free words, lower-cased; each must appear somewhere in the group. */
  words: string[];
}

export type ParseResult =
  | { ok: true; query: Query }
  /** `pending`: it holds a regex matcher and the engine is still loading (`loadRegexEngine`). */
  | { ok: false; error: string; pending?: true };

export const EMPTY_QUERY: Query = { matchers: [], words: [] };

const NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
/** `@gateway` and other names that are not labels. */
const AT_NAME = /@[a-zA-Z_][a-zA-Z0-9_]*/y;
/** The `@` names the filter knows. */
export const GATEWAY_FILTER = '@gateway';
const OP = /(=~|!~|!=|=)/y;
const SPACE = /[\s,]*/y;

class ParseError extends Error {}
class PendingError extends Error {}

function stickyMatch(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

const QUOTES = ['"', "'", '`'];

/** A quoted string as PromQL writes it: "…" or '…' with backslash escapes, or `…` raw; undefined if unclosed. */
function readQuoted(text: string, at: number): [string, number] | undefined {
  const quote = text[at];
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return [value, i + 1];
    if (c === '\\' && quote !== '`' && i + 1 < text.length) {
      const next = text[++i]!;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else {
      value += c;
    }
  }
  return undefined;
}

function readString(text: string, at: number, name: string): [string, number] {
  const quote = text[at]!;
  if (!QUOTES.includes(quote)) {
    const bare = /[^\s,}]*/y;
    bare.lastIndex = at;
    const word = bare.exec(text)?.[0] ?? '';
    throw new ParseError(`the value for ${name} needs quotes: ${name}="${word}"`);
  }
  const read = readQuoted(text, at);
  if (!read) throw new ParseError(`the value for ${name} has no closing ${quote}`);
  return read;
}

/** A label name, bare (`job`) or quoted as Prometheus 3 writes UTF-8 names (`"foo.bar"`). */
function readName(text: string, at: number): [string, number] | undefined {
  const bare = stickyMatch(NAME, text, at);
  if (bare) return [bare, at + bare.length];
  if (text[at] === '"' || text[at] === "'") return readQuoted(text, at);
  return undefined;
}

/** A matcher, its end, and whether it is on the gateway (`@gateway`) rather than a label. */
function readMatcher(text: string, at: number): [Matcher, number, boolean] {
  const atName = stickyMatch(AT_NAME, text, at);
  if (atName !== undefined && atName !== GATEWAY_FILTER) {
    throw new ParseError(`unknown filter ${atName}: only ${GATEWAY_FILTER} is known`);
  }
  const read: [string, number] | undefined = atName ? [atName, at + atName.length] : readName(text, at);
  if (!read) throw new ParseError(`expected a label name at "${text.slice(at, at + 10)}"`);
  const [name, afterName] = read;
  const shown = atName ?? formatLabelName(name);
  let i = afterName;
  i += stickyMatch(/\s*/y, text, i)?.length ?? 0;
  const op = stickyMatch(OP, text, i) as MatchOp | undefined;
  if (!op) throw new ParseError(`expected =, !=, =~ or !~ after ${shown}`);
  i += op.length;
  i += stickyMatch(/\s*/y, text, i)?.length ?? 0;
  const [value, end] = readString(text, i, shown);
  const matcher: Matcher = { name, op, value };
  if (op === '=~' || op === '!~') {
    try {
      matcher.regex = compileRegex(value);
    } catch (error) {
      if (error instanceof PendingError) throw error;
      throw new ParseError(`${shown}${op}"${value}" is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return [matcher, end, atName !== undefined];
}

/** Does the text at `at` look like the start of a matcher (name, then an operator)? */
function looksLikeMatcher(text: string, at: number): boolean {
  const atName = stickyMatch(AT_NAME, text, at);
  // `@gateway` without an operator is still meant as a filter: reading it explains what is missing.
  // An unknown `@name` followed by an operator is read too, to be refused by name.
  if (atName === GATEWAY_FILTER) return true;
  const read: [string, number] | undefined = atName ? [atName, at + atName.length] : readName(text, at);
  if (!read) return false;
  const rest = text.slice(read[1]).trimStart();
  return /^(=~|!~|!=|=)/.test(rest);
}

export function parseQuery(text: string): ParseResult {
  const query: Query = { matchers: [], words: [] };
  let i = 0;
  const add = ([matcher, end, onGateway]: [Matcher, number, boolean]) => {
    if (onGateway) (query.gatewayMatchers ??= []).push(matcher);
    else query.matchers.push(matcher);
    i = end;
  };
  try {
    while (i < text.length) {
      i += stickyMatch(SPACE, text, i)?.length ?? 0;
      if (i >= text.length) break;
      if (text[i] === '{') {
        i++;
        for (;;) {
          i += stickyMatch(SPACE, text, i)?.length ?? 0;
          if (i >= text.length) throw new ParseError('the { has no closing }');
          if (text[i] === '}') {
            i++;
            break;
          }
          add(readMatcher(text, i));
        }
      } else if (looksLikeMatcher(text, i)) {
        add(readMatcher(text, i));
      } else {
        const word = /[^\s{]+/y;
        word.lastIndex = i;
        const found = word.exec(text)?.[0] ?? text[i]!;
        query.words.push(found.toLowerCase());
        i += found.length;
      }
    }
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message };
    if (error instanceof PendingError) {
      return { ok: false, error: 'loading the regular expression engine…', pending: true };
    }
    throw error;
  }
  return { ok: true, query };
}

export const matches = (matcher: Matcher, labels: Readonly<Record<string, string>>): boolean =>
  matchesValue(matcher, labels[matcher.name] ?? '');

/** Whether the matcher holds for this value (of its label, or for `@gateway` of the gateway's name). */
export function matchesValue(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return matcher.regex!.test(value);
    case '!~':
      return !matcher.regex!.test(value);
  }
}

/**
 * A selector of grouping labels alone, as prune rules take it: `{job=~"ci_.*", branch!="main"}`
 * (braces optional, `{}` matches every group). Free words are refused: a rule must say which labels.
 */
export function parseSelector(text: string): { ok: true; matchers: Matcher[] } | { ok: false; error: string } {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  const [word] = parsed.query.words;
  if (word !== undefined) return { ok: false, error: `"${word}" is not a label matcher (write name="value")` };
  if (parsed.query.gatewayMatchers) {
    return {
      ok: false,
      error: `${GATEWAY_FILTER} is not a label: a prune rule picks its gateways with its own gateways: list`,
    };
  }
  return { ok: true, matchers: parsed.query.matchers };
}

/** Matchers written back as one selector, e.g. `{job=~"ci_.*", branch!="main"}`. */
export function formatMatchers(matchers: readonly Matcher[]): string {
  return `{${matchers.map((m) => `${formatLabelName(m.name)}${m.op}"${escapeLabelValue(m.value)}"`).join(', ')}}`;
}

/** Whether every matcher holds for these labels (`{}` matches everything). */
export const matchesAll = (matchers: readonly Matcher[], labels: Readonly<Record<string, string>>) =>
  matchers.every((m) => matches(m, labels));
