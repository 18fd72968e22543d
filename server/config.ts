/**
 * `pushboard.yml`, the server's configuration file (`--config`), read as Prometheus reads its own:
 * unknown keys are errors, and every error names the file and the line.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { parseDuration } from '../core/duration.js';
import { parseSelector } from '../core/matchers';
import type { PruneRule } from '../core/prune';

export interface PruneConfig {
  intervalMs: number;
  maxDeletesPerRun: number;
  rules: PruneRule[];
}

export interface Config {
  prune?: PruneConfig;
}

export const PRUNE_DEFAULTS = { intervalMs: 60_000, maxDeletesPerRun: 100 };

/** Everything wrong with a configuration file, in one line: `file:line: what`. */
export class ConfigError extends Error {}

type Field = 'string' | 'duration' | 'count' | 'list' | 'map';

class Reader {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  fail(node: Node | null | undefined, path: string, what: string): never {
    const line = node?.range ? this.lines.linePos(node.range[0]).line : 1;
    throw new ConfigError(`${this.file}:${line}: ${path}: ${what}`);
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
    if (!isScalar(node)) this.fail(node, at, `must be a ${field === 'count' ? 'number' : 'string'}`);
    const raw = node.value;
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

function readRule(reader: Reader, node: Node, path: string, names: Set<string>): PruneRule {
  const map = reader.map(node, path, ['name', 'match', 'older_than', 'failing_for']);
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
  if (olderThan === undefined && failingFor === undefined) {
    reader.fail(node, path, `rule "${name}" needs a condition: older_than, failing_for or both`);
  }
  return {
    name,
    match,
    matchers: parsed.matchers,
    ...(olderThan !== undefined ? { olderThan } : {}),
    ...(failingFor !== undefined ? { failingFor } : {}),
  };
}

/** Reads a configuration from its text; `file` names it in errors. */
export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    throw new ConfigError(`${file}:${line}: ${error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}`);
  }
  const reader = new Reader(file, lines);
  if (doc.contents === null) return {};
  const root = reader.map(doc.contents, 'configuration', ['prune']);
  const pruneNode = reader.value(root, 'prune', 'configuration', 'map') as Node | undefined;
  if (pruneNode === undefined) return {};
  const prune = reader.map(pruneNode, 'prune', ['interval', 'max_deletes_per_run', 'rules']);
  const interval = reader.value(prune, 'interval', 'prune', 'duration') as number | undefined;
  const cap = reader.value(prune, 'max_deletes_per_run', 'prune', 'count') as number | undefined;
  const list = reader.value(prune, 'rules', 'prune', 'list') as { items: Node[] } | undefined;
  const names = new Set<string>();
  const rules = (list?.items ?? []).map((item, i) => readRule(reader, item, `prune.rules[${i}]`, names));
  return {
    prune: {
      intervalMs: interval !== undefined ? interval * 1000 : PRUNE_DEFAULTS.intervalMs,
      maxDeletesPerRun: cap ?? PRUNE_DEFAULTS.maxDeletesPerRun,
      rules,
    },
  };
}

/** Reads the file; every failure, unreadable file included, is one ConfigError line. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${file}: cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseConfig(text, file);
}
