import { formatMatchers, type Matcher, type Query } from '../../core/matchers';

/** A YAML single-quoted scalar: exact for any text without a line break (quotes are doubled). */
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The filter's matchers and the stale threshold as one entry of `prune.rules` in pushboard.yml,
 * ready to paste under `rules:`. Named after the job when the filter names one. `gateways`, when
 * given, becomes the rule's own `gateways:` list (a rule's `match` holds grouping labels only).
 */
export function pruneRuleYaml(matchers: readonly Matcher[], threshold: string, gateways?: readonly string[]): string {
  const job = matchers.find((m) => m.name === 'job' && m.op === '=')?.value;
  const name = job ? `${job}-stale`.replace(/[^A-Za-z0-9_.-]+/g, '-') : 'stale-groups';
  return [
    `- name: ${quoted(name)}`,
    `  match: ${quoted(formatMatchers(matchers))}`,
    `  older_than: ${quoted(threshold)}`,
    ...(gateways?.length ? [`  gateways: [${gateways.map(quoted).join(', ')}]`] : []),
    '',
  ].join('\n');
}

/**
 * The filter as a prune rule, or null when it cannot be one: it has free words, no label matcher
 * (a rule on every group is not offered from here), or an `@gateway` matcher other than plain
 * equality to one name (a rule names its gateways, it has no pattern or exclusion for them).
 */
export function pruneRuleFor(query: Query, threshold: string): string | null {
  if (query.matchers.length === 0 || query.words.length > 0) return null;
  const onGateway = query.gatewayMatchers ?? [];
  if (onGateway.some((m) => m.op !== '=')) return null;
  const names = new Set(onGateway.map((m) => m.value));
  if (names.size > 1) return null;
  return pruneRuleYaml(query.matchers, threshold, [...names]);
}
