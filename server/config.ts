/**
 * `pushboard.yml`, the server's configuration file (`--config`), read as Prometheus reads its own:
 * unknown keys are errors, and every error names the file and the line.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { parseDuration } from '../core/duration.js';
import './regex-engine';
import { parseSelector } from '../core/matchers';
import type { PruneRule } from '../core/prune';
import type { Expectation } from './history/expectations';
import { readExpectations } from './history/expect-config';
import { maskCredentials } from '../core/redact';
import { DEFAULT_GATEWAY_NAME, gatewayNameProblem, parseServiceUrl, sameGatewayName } from './options.ts';
import type { GatewayCredentials } from './proxy.ts';

export interface PruneConfig {
  intervalMs: number;
  maxDeletesPerRun: number;
  rules: PruneRule[];
  /** Whether the file lists `rules:` at all, even empty: only then does it mean "no rules". */
  rulesGiven?: boolean;
}

/** One entry of `gateways:`. */
export interface GatewayConfig {
  name: string;
  url: URL;
  /** Files named relative to the configuration file's folder, as Prometheus does. */
  credentials: GatewayCredentials;
}

export interface Config {
  prune?: PruneConfig;
  /** Absent when the file has no `gateways:` section (the gateway then comes from the flags). */
  gateways?: GatewayConfig[];
  /** What to expect of groups (`expect:`); absent without that section. */
  expect?: Expectation[];
}

export interface ParseOptions {
  /**
   * The gateways' names when the file has no `gateways:` section of its own (from `--gateway
   * NAME=URL`); prune rules may name only these. Without it, the one gateway is "default".
   */
  gatewayNames?: readonly string[];
}

export const PRUNE_DEFAULTS = { intervalMs: 60_000, maxDeletesPerRun: 100 };

/** Everything wrong with a configuration file, in one line: `file:line: what`. */
export class ConfigError extends Error {}

type Field = 'string' | 'duration' | 'count' | 'list' | 'map' | 'boolean';

class Reader {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  fail(node: Node | null | undefined, path: string, what: string): never {
    const line = node?.range ? this.lines.linePos(node.range[0]).line : 1;
    // A value repeated in a message never shows a credential, whatever key it was given under.
    throw new ConfigError(maskCredentials(`${this.file}:${line}: ${path}: ${what}`));
  }

  /** The map at `node`, refusing keys other than `allowed`. */
  map(node: Node | null | undefined, path: string, allowed: readonly string[]): YAMLMap<Node, Node> {
    if (!isMap(node)) this.fail(node, path, 'must be a mapping of keys to values');
    const map = node as YAMLMap<Node, Node>;
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        this.fail(pair.key, path, `unknown key "${key}" (known: ${allowed.join(', ')})`);
      }
    }
    return map;
  }

  value(map: YAMLMap<Node, Node>, key: string, path: string, field: Field): unknown {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    const at = `${path}.${key}`;
    if (field === 'list') {
      if (!isSeq(node)) this.fail(node, at, 'must be a list');
      return node;
    }
    if (field === 'map') return node;
    if (!isScalar(node)) this.fail(node, at, `must be a ${field === 'count' ? 'number' : field}`);
    const raw = node.value;
    if (field === 'boolean') {
      if (typeof raw !== 'boolean') this.fail(node, at, `must be true or false, not ${String(raw)}`);
      return raw;
    }
    if (field === 'count') {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1)
        this.fail(node, at, `must be a whole number ≥ 1, not ${String(raw)}`);
      return raw;
    }
    if (field === 'duration') {
      const seconds = parseDuration(String(raw));
      if (seconds === undefined) this.fail(node, at, `"${String(raw)}" is not a duration (e.g. 30s, 5m, 2h30m, 7d)`);
      return seconds;
    }
    if (typeof raw !== 'string') this.fail(node, at, 'must be a string');
    return raw;
  }
}

function readRule(
  reader: Reader,
  node: Node,
  path: string,
  names: Set<string>,
  gateways: readonly string[],
): PruneRule {
  const map = reader.map(node, path, ['name', 'match', 'older_than', 'failing_for', 'late_for', 'gateways']);
  const name = reader.value(map, 'name', path, 'string') as string | undefined;
  if (!name?.trim()) reader.fail(node, path, 'needs a name');
  if (names.has(name)) reader.fail(map.get('name', true) as Node, `${path}.name`, `"${name}" is used by another rule`);
  names.add(name);
  const match = reader.value(map, 'match', path, 'string') as string | undefined;
  if (match === undefined) reader.fail(node, path, `rule "${name}" needs a match (use '{}' for every group)`);
  const parsed = parseSelector(match);
  if (!parsed.ok) reader.fail(map.get('match', true) as Node, `${path}.match`, parsed.error);
  const olderThan = reader.value(map, 'older_than', path, 'duration') as number | undefined;
  const failingFor = reader.value(map, 'failing_for', path, 'duration') as number | undefined;
  const lateFor = readLateFor(reader, map, path);
  if (olderThan === undefined && failingFor === undefined && lateFor === undefined) {
    reader.fail(node, path, `rule "${name}" needs a condition: older_than, late_for, failing_for or more`);
  }
  const only = readRuleGateways(reader, map, path, gateways);
  return {
    name,
    match,
    matchers: parsed.matchers,
    ...(olderThan !== undefined ? { olderThan } : {}),
    ...(failingFor !== undefined ? { failingFor } : {}),
    ...(lateFor !== undefined ? { lateFor } : {}),
    ...(only !== undefined ? { gateways: only } : {}),
  };
}

/** `late_for: 3`: so many of the group's usual (or expected) intervals with no successful push. */
function readLateFor(reader: Reader, map: YAMLMap<Node, Node>, path: string): number | undefined {
  const node = map.get('late_for', true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  const raw = isScalar(node) ? node.value : undefined;
  if (typeof raw !== 'number' || !(raw >= 1)) {
    reader.fail(node, `${path}.late_for`, `must be a number ≥ 1 (times the usual interval), not ${String(raw)}`);
  }
  return raw;
}

/** A rule's `gateways: [eu-1, eu-2]`: names of configured gateways, each once; absent for all. */
function readRuleGateways(
  reader: Reader,
  map: YAMLMap<Node, Node>,
  path: string,
  known: readonly string[],
): string[] | undefined {
  const list = reader.value(map, 'gateways', path, 'list') as { items: Node[] } | undefined;
  if (list === undefined) return undefined;
  if (list.items.length === 0) {
    reader.fail(list as unknown as Node, `${path}.gateways`, 'names no gateway (leave it out to prune on all)');
  }
  const names: string[] = [];
  list.items.forEach((item, i) => {
    const at = `${path}.gateways[${i}]`;
    const name = isScalar(item) ? item.value : undefined;
    if (typeof name !== 'string') reader.fail(item, at, 'must be the name of a gateway');
    if (!known.includes(name)) {
      const near = sameGatewayName(
        known.map((n) => ({ name: n })),
        name,
      );
      const hint = near ? `; did you mean "${near.name}"?` : '';
      reader.fail(item, at, `no gateway is named "${name}" (known: ${known.join(', ')})${hint}`);
    }
    if (names.includes(name)) reader.fail(item, at, `"${name}" is listed twice`);
    names.push(name);
  });
  return names;
}

const GATEWAY_KEYS = ['name', 'url', 'basic_auth_file', 'ca_file', 'insecure_skip_verify'] as const;

function readGateway(reader: Reader, node: Node, path: string, taken: GatewayConfig[], file: string): GatewayConfig {
  const map = reader.map(node, path, GATEWAY_KEYS);
  const name = reader.value(map, 'name', path, 'string') as string | undefined;
  if (name === undefined) reader.fail(node, path, 'needs a name');
  const nameNode = map.get('name', true) as Node;
  const problem = gatewayNameProblem(name);
  if (problem) reader.fail(nameNode, `${path}.name`, problem);
  const same = sameGatewayName(taken, name);
  if (same) {
    const other = `gateways[${taken.indexOf(same)}].name "${same.name}"`;
    reader.fail(
      nameNode,
      `${path}.name`,
      same.name === name
        ? `"${name}" names another gateway (${other})`
        : `"${name}" and ${other} name the same gateway (names are one without regard to case): rename one`,
    );
  }
  const href = reader.value(map, 'url', path, 'string') as string | undefined;
  if (href === undefined) reader.fail(node, path, `gateway "${name}" needs a url`);
  const urlNode = map.get('url', true) as Node;
  let url: URL;
  try {
    url = parseServiceUrl(href, 'gateway', 'name it in basic_auth_file');
  } catch (error) {
    reader.fail(urlNode, `${path}.url`, (error as Error).message);
  }
  const sameUrl = taken.find((g) => g.url.href === url.href);
  if (sameUrl) reader.fail(urlNode, `${path}.url`, `${url.href} is gateway "${sameUrl.name}" already`);
  // Relative to the configuration file, as Prometheus reads its own files.
  const near = (value: unknown) =>
    typeof value !== 'string' ? undefined : isAbsolute(value) ? value : join(dirname(file), value);
  const basicAuthFile = near(reader.value(map, 'basic_auth_file', path, 'string'));
  const caFile = near(reader.value(map, 'ca_file', path, 'string'));
  const insecure = reader.value(map, 'insecure_skip_verify', path, 'boolean') as boolean | undefined;
  return {
    name,
    url,
    credentials: {
      ...(basicAuthFile !== undefined ? { basicAuthFile } : {}),
      ...(caFile !== undefined ? { caFile } : {}),
      ...(insecure ? { insecureSkipVerify: true } : {}),
    },
  };
}

function readGateways(reader: Reader, root: YAMLMap<Node, Node>, file: string): GatewayConfig[] | undefined {
  const list = reader.value(root, 'gateways', 'configuration', 'list') as { items: Node[] } | undefined;
  if (list === undefined) return undefined;
  if (list.items.length === 0) reader.fail(list as unknown as Node, 'gateways', 'lists no gateway');
  const gateways: GatewayConfig[] = [];
  list.items.forEach((item, i) => gateways.push(readGateway(reader, item, `gateways[${i}]`, gateways, file)));
  return gateways;
}

/** Reads a configuration from its text; `file` names it in errors. */
export function parseConfig(text: string, file: string, options: ParseOptions = {}): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    const what = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
    throw new ConfigError(maskCredentials(`${file}:${line}: ${what}`));
  }
  const reader = new Reader(file, lines);
  if (doc.contents === null) return {};
  const root = reader.map(doc.contents, 'configuration', ['prune', 'gateways', 'expect']);
  const gateways = readGateways(reader, root, file);
  const expectNode = reader.value(root, 'expect', 'configuration', 'map') as Node | undefined;
  const expect = expectNode === undefined ? undefined : readExpectations(reader, expectNode);
  const names = gateways?.map((g) => g.name) ?? options.gatewayNames ?? [DEFAULT_GATEWAY_NAME];
  const pruneNode = reader.value(root, 'prune', 'configuration', 'map') as Node | undefined;
  if (pruneNode === undefined) return { ...(gateways ? { gateways } : {}), ...(expect ? { expect } : {}) };
  const prune = reader.map(pruneNode, 'prune', ['interval', 'max_deletes_per_run', 'rules']);
  const interval = reader.value(prune, 'interval', 'prune', 'duration') as number | undefined;
  const cap = reader.value(prune, 'max_deletes_per_run', 'prune', 'count') as number | undefined;
  const list = reader.value(prune, 'rules', 'prune', 'list') as { items: Node[] } | undefined;
  const ruleNames = new Set<string>();
  const rules = (list?.items ?? []).map((item, i) => readRule(reader, item, `prune.rules[${i}]`, ruleNames, names));
  return {
    prune: {
      intervalMs: interval !== undefined ? interval * 1000 : PRUNE_DEFAULTS.intervalMs,
      maxDeletesPerRun: cap ?? PRUNE_DEFAULTS.maxDeletesPerRun,
      rules,
      rulesGiven: list !== undefined,
    },
    ...(gateways ? { gateways } : {}),
    ...(expect ? { expect } : {}),
  };
}

/** Reads the file; every failure, unreadable file included, is one ConfigError line. */
export function loadConfig(file: string, options: ParseOptions = {}): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${file}: cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseConfig(text, file, options);
}
