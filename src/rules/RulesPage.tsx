import { Card, Fact } from '../components/Card';
import { ExactTime, TimeAgo } from '../components/TimeAgo';
import { countOf, formatCount } from '../lib/format';
import { formatSpan } from '../../core/prune';
import { formatMatchers } from '../../core/matchers';
import { usePruneRules, type RuleRun, type RuleView, type RulesView } from '../prune/api';
import { ReloadRefused } from './ReloadRefused';

const EXAMPLE = `prune:
  interval: 1m
  max_deletes_per_run: 100
  rules:
    - name: ci-branches
      match: '{job=~"ci_.*", branch!="main"}'
      older_than: 24h`;

/** Every prune rule the server runs: what it matches, what is due, and how its last run went. */
export function RulesPage() {
  const view = usePruneRules();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Prune rules</h1>
      {view?.reload && <ReloadRefused reload={view.reload} />}
      {!view ? (
        <p className="text-slate-500 dark:text-slate-400">Loading rules…</p>
      ) : view.rules.length === 0 ? (
        <Card title="No prune rules">
          <p className="text-sm">
            The Pushboard server runs no prune rules. Start it with <code>--config pushboard.yml</code> holding a{' '}
            <code>prune:</code> section, for example:
          </p>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-100 dark:bg-slate-800 p-3 text-sm">{EXAMPLE}</pre>
        </Card>
      ) : (
        <>
          <Overview view={view} />
          {view.rules.map((rule) => (
            <RuleCard key={rule.name} rule={rule} view={view} />
          ))}
        </>
      )}
    </div>
  );
}

function Overview({ view }: { view: RulesView }) {
  return (
    <div className="space-y-2 text-sm text-slate-700 dark:text-slate-200">
      <p>
        The server runs these rules every {view.intervalMs ? formatSpan(view.intervalMs / 1000) : '?'}, whether anybody
        is watching or not. Before deleting a group it reads the gateway again and keeps the group if it was pushed
        since. A rule that makes more than{' '}
        {view.maxDeletesPerRun === null ? '? groups' : countOf(view.maxDeletesPerRun, 'group', 'groups')} due in one run
        deletes none of them that run.
      </p>
      {view.readOnly && (
        <p
          role="note"
          className="rounded border border-sky-300 dark:border-sky-800 bg-sky-50 dark:bg-sky-950 px-3 py-2"
        >
          This dashboard is read-only: nobody can change the gateway from the browser. These rules are the operator’s
          configuration and still run.
        </p>
      )}
      {view.dryRun && (
        <p
          role="note"
          className="rounded border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-3 py-2"
        >
          Dry run (<code>--prune-dry-run</code>): the rules are evaluated and reported, but nothing is deleted.
        </p>
      )}
      {view.gatewayError && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          The gateway cannot be read, so the counts below may be out of date: {view.gatewayError}
        </p>
      )}
      <p>
        {view.nextRun ? (
          <>
            Next run <TimeAgo ms={view.nextRun} />.{' '}
          </>
        ) : null}
        {view.lastRun ? (
          <>
            Last run <ExactTime ms={view.lastRun.finishedAt} />:{' '}
            {OUTCOMES[view.lastRun.outcome] ?? view.lastRun.outcome}
            {view.lastRun.error ? ` (${view.lastRun.error})` : ''}.
          </>
        ) : (
          'No run yet.'
        )}
      </p>
    </div>
  );
}

const OUTCOMES: Record<string, string> = {
  success: 'all went well',
  failed: 'something failed',
  over_limit: 'a rule was over its limit',
};

function conditions(rule: RuleView): string {
  return [
    rule.olderThan !== undefined ? `no push at all for ${formatSpan(rule.olderThan)}` : '',
    rule.failingFor !== undefined ? `last push failed, none succeeded for ${formatSpan(rule.failingFor)}` : '',
    rule.lateFor !== undefined ? `no successful push for ${rule.lateFor} × its usual interval` : '',
    rule.gateways ? `on ${rule.gateways.join(', ')} only` : '',
  ]
    .filter(Boolean)
    .join(', and ');
}

function lastRunText(run: RuleRun | null, dryRun: boolean): string {
  if (!run) return 'not run yet';
  if (run.overLimit) {
    return `over its limit: ${countOf(run.overLimit.matching, 'group was', 'groups were')} due, the limit is ${formatCount(run.overLimit.limit)}; deleted none`;
  }
  const parts = [
    dryRun ? `${formatCount(run.matching)} would have been deleted` : `${formatCount(run.deleted)} deleted`,
    `${formatCount(run.kept)} kept because pushed again`,
    `${formatCount(run.failed)} failed`,
  ];
  return parts.join(', ');
}

function RuleCard({ rule, view }: { rule: RuleView; view: RulesView }) {
  const list = `?${new URLSearchParams({ q: formatMatchers(rule.matchers), only: 'due' })}#/`;
  return (
    <Card title={rule.name}>
      <dl>
        <Fact term="Matches">
          <code className="font-mono">{formatMatchers(rule.matchers)}</code>
        </Fact>
        <Fact term="When">{conditions(rule)}</Fact>
        <Fact term="Due now">
          {rule.dueNow > 0 ? (
            <a className="text-teal-800 dark:text-teal-300 underline" href={list}>
              {countOf(rule.dueNow, 'group', 'groups')}
            </a>
          ) : (
            '0 groups'
          )}
        </Fact>
        <Fact term="Due within a day">{countOf(rule.dueWithinDay, 'more group', 'more groups')}</Fact>
        <Fact term="Last run">{lastRunText(rule.lastRun, view.dryRun)}</Fact>
      </dl>
    </Card>
  );
}
