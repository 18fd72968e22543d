/**
 * "Export what you see": the groups a filter shows, as the gateway's JSON, as CSV or as text
 * exposition. One definition for the page's download and the server's `-/pushboard/export`, made
 * a piece at a time so that the server can stream 10,000 groups without holding the file.
 */
import type { Group } from '../metrics-types';
import { parseQuery, type Query } from '../matchers';
import { matchesQuery } from '../query-match';
import { groupToApi } from './api-json';
import { CSV_HEADER, csvRow, groupCsv } from './csv';
import type { ExportFormat } from './formats';
import { expositionChunks } from './exposition';

export * from './formats';

/** The groups that pass the filter text, or the reason the text is no filter. */
export function selectGroups(
  groups: readonly Group[],
  text: string,
): { ok: true; groups: Iterable<Group> } | { ok: false; error: string } {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  const query: Query = parsed.query;
  const filtering = query.matchers.length > 0 || query.words.length > 0 || !!query.gatewayMatchers?.length;
  return { ok: true, groups: filtering ? filtered(groups, query) : groups };
}

function* filtered(groups: readonly Group[], query: Query): Generator<Group> {
  for (const g of groups) if (matchesQuery(g, query)) yield g;
}

export interface ExportOptions {
  /** The one gateway's name for CSV's gateway column when groups carry none (one gateway). */
  gateway: string;
  /** Several gateways: JSON becomes `{ "name": data, … }`, one `data` array per gateway. */
  multi?: boolean;
}

/** The export, a piece at a time: a group per piece for JSON and CSV, a family per piece for text. */
export function* exportChunks(
  groups: Iterable<Group>,
  format: ExportFormat,
  options: ExportOptions,
): Generator<string> {
  switch (format) {
    case 'csv':
      yield csvRow(CSV_HEADER);
      for (const g of groups) yield groupCsv(g, g.gateway ?? options.gateway);
      return;
    case 'text':
      if (!options.multi) return yield* expositionChunks(groups);
      for (const [name, list] of byGateway(groups)) {
        yield `# Gateway ${name.replace(/\n/g, ' ')}\n`;
        yield* expositionChunks(list);
      }
      return;
    case 'json': {
      if (!options.multi) return yield* jsonArray(groups);
      yield '{';
      let first = true;
      for (const [name, list] of byGateway(groups)) {
        yield `${first ? '' : ','}\n${JSON.stringify(name)}:`;
        first = false;
        yield* jsonArray(list);
      }
      yield '\n}\n';
    }
  }
}

function* jsonArray(groups: Iterable<Group>): Generator<string> {
  let first = true;
  yield '[';
  for (const g of groups) {
    yield `${first ? '' : ','}\n${JSON.stringify(groupToApi(g))}`;
    first = false;
  }
  yield '\n]\n';
}

/** Groups by gateway, in the order of first appearance. References only. */
function byGateway(groups: Iterable<Group>): Map<string, Group[]> {
  const out = new Map<string, Group[]>();
  for (const g of groups) {
    const name = g.gateway ?? '';
    let list = out.get(name);
    if (!list) out.set(name, (list = []));
    list.push(g);
  }
  return out;
}
