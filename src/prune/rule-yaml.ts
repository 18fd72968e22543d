import { formatMatchers, type Matcher } from '../../core/matchers';

/** A YAML single-quoted scalar: exact for any text without a line break (quotes are doubled). */
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The filter's matchers and the stale threshold as one entry of `prune.rules` in pushboard.yml,
 * ready to paste under `rules:`. Named after the job when the filter names one.
 */
export function pruneRuleYaml(matchers: readonly Matcher[], threshold: string): string {
  const job = matchers.find((m) => m.name === 'job' && m.op === '=')?.value;
  const name = job ? `${job}-stale`.replace(/[^A-Za-z0-9_.-]+/g, '-') : 'stale-groups';
  return [
    `- name: ${quoted(name)}`,
    `  match: ${quoted(formatMatchers(matchers))}`,
    `  older_than: ${quoted(threshold)}`,
    '',
  ].join('\n');
}
