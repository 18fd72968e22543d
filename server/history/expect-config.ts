/**
 * The `expect:` section of pushboard.yml, read with the configuration file's own reader (so its
 * errors name the file and the line as every other section's do):
 *
 * ```yaml
 * expect:
 *   - match: '{job="weekly-report"}'
 *     every: 7d
 *     grace: 6h
 *     stale_after: 8d
 *   - match: '{job="nightly"}'
 *     cron: '0 3 * * *'
 *     timezone: Europe/Berlin
 *     grace: 1h
 * ```
 */
import { isSeq, type Node, type YAMLMap } from 'yaml';
import { parseSelector } from '../../core/matchers';
import { checkCron, checkTimezone, type Expectation } from './expectations';

type Field = 'string' | 'duration' | 'count' | 'list' | 'map' | 'boolean';

/** What this section needs of the configuration file's reader (server/config.ts). */
export interface SectionReader {
  fail(node: Node | null | undefined, path: string, what: string): never;
  map(node: Node | null | undefined, path: string, allowed: readonly string[]): YAMLMap<Node, Node>;
  value(map: YAMLMap<Node, Node>, key: string, path: string, field: Field): unknown;
}

const KEYS = ['match', 'every', 'cron', 'timezone', 'grace', 'stale_after'] as const;

export function readExpectations(reader: SectionReader, node: Node): Expectation[] {
  if (!isSeq(node)) reader.fail(node, 'expect', 'must be a list');
  return (node.items as Node[]).map((item, i) => readExpectation(reader, item, `expect[${i}]`));
}

function readExpectation(reader: SectionReader, node: Node, path: string): Expectation {
  const map = reader.map(node, path, KEYS);
  const match = reader.value(map, 'match', path, 'string') as string | undefined;
  if (match === undefined) reader.fail(node, path, "needs a match (use '{}' for every group)");
  const parsed = parseSelector(match);
  if (!parsed.ok) reader.fail(map.get('match', true) as Node, `${path}.match`, parsed.error);
  const every = reader.value(map, 'every', path, 'duration') as number | undefined;
  const cron = reader.value(map, 'cron', path, 'string') as string | undefined;
  const timezone = reader.value(map, 'timezone', path, 'string') as string | undefined;
  const grace = reader.value(map, 'grace', path, 'duration') as number | undefined;
  const staleAfter = reader.value(map, 'stale_after', path, 'duration') as number | undefined;
  if (every !== undefined && cron !== undefined) reader.fail(node, path, 'give every or cron, not both');
  if (every === undefined && cron === undefined && staleAfter === undefined) {
    reader.fail(node, path, 'needs every, cron or stale_after');
  }
  if (timezone !== undefined && cron === undefined) {
    reader.fail(map.get('timezone', true) as Node, `${path}.timezone`, 'applies to a cron schedule only');
  }
  if (timezone !== undefined) {
    const problem = checkTimezone(timezone);
    if (problem) reader.fail(map.get('timezone', true) as Node, `${path}.timezone`, `"${timezone}" ${problem}`);
  }
  if (cron !== undefined) {
    const problem = checkCron(cron, timezone);
    if (problem) reader.fail(map.get('cron', true) as Node, `${path}.cron`, `"${cron}": ${problem}`);
  }
  return {
    match,
    matchers: parsed.matchers,
    ...(every !== undefined ? { every } : {}),
    ...(cron !== undefined ? { cron } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(grace !== undefined ? { grace } : {}),
    ...(staleAfter !== undefined ? { staleAfter } : {}),
  };
}
