import { Card, Fact } from '../components/Card';
import { CopyableCode } from '../components/CopyableCode';
import { StateMark } from '../components/state';
import { TimeAgo } from '../components/TimeAgo';
import { servedByServer } from '../config/config';
import { useGateways } from '../config/ConfigContext';
import { useScrapeConfig } from './ScrapeConfig';
import { parseTimestamp } from '../lib/format';
import { useCadenceView } from '../health/api';
import { countOf } from '../lib/format';
import { usePrometheusView, type PrometheusView, type ScrapedTarget } from '../health/prometheus-view';

/**
 * Through Prometheus' eyes: is this gateway a scrape target, is the target healthy, and does its
 * job keep the pushed job and instance labels (honor_labels)? The server asks Prometheus; the
 * browser never does.
 */
export function PrometheusCard() {
  const query = usePrometheusView();
  const scrapeConfig = useScrapeConfig();
  if (!servedByServer()) return null;
  return (
    <Card title="Prometheus">
      {query.error ? (
        <p className="text-sm">The Pushboard server did not answer about Prometheus: {query.error.message}</p>
      ) : !query.data ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Asking Prometheus…</p>
      ) : (
        <Body view={query.data} scrapeConfig={scrapeConfig} />
      )}
    </Card>
  );
}

function Body({ view, scrapeConfig }: { view: PrometheusView; scrapeConfig: string }) {
  const several = useGateways() !== null;
  if (!view.configured && several) {
    return (
      <p className="text-sm">
        Not available with several gateways yet: <code>--prometheus</code> works with one gateway only.
      </p>
    );
  }
  if (!view.configured) {
    return (
      <p className="text-sm">
        Not connected. Start Pushboard with <code>--prometheus URL</code> to check how Prometheus scrapes this gateway.
      </p>
    );
  }
  if (!view.reachable) {
    return (
      <p className="text-sm">
        <StateMark state="failed" /> Prometheus at <code>{view.address}</code> cannot be reached: {view.error}
      </p>
    );
  }
  const { check } = view;
  if (check.state === 'not-scraped') {
    return (
      <div className="space-y-2 text-sm">
        <p>
          <StateMark state="failed" /> Prometheus at <code>{view.address}</code> does not scrape this gateway: none of
          its {check.targets} targets is this gateway’s <code>/metrics</code>. Its data reaches no query or alert. Add
          this scrape job (if Prometheus reaches the gateway by another address, start Pushboard with{' '}
          <code>--prometheus-job NAME</code>):
        </p>
        <CopyableCode code={scrapeConfig} label="Copy scrape config" />
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm">
      <dl>
        <Fact term="Prometheus">
          <code>{view.address}</code>
          {view.version ? ` (version ${view.version})` : ''}
        </Fact>
        <TargetFacts target={check.target} />
        <CadenceFact />
        <Fact term="honor_labels">
          {check.honorLabels === true
            ? 'On: the pushed job and instance labels are kept.'
            : check.honorLabels === false
              ? 'Off.'
              : `Not found: job ${check.target.job} is not in the configuration Prometheus reports.`}
        </Fact>
      </dl>
      {check.honorLabels === false && (
        <div
          role="note"
          className="space-y-2 rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 p-3"
        >
          <p>
            <StateMark state="failed" /> <strong>honor_labels is off for job {check.target.job}.</strong> Prometheus
            renames every pushed <code>job</code> and <code>instance</code> label to <code>exported_job</code> and{' '}
            <code>exported_instance</code>, and sets <code>job=&quot;{check.target.job}&quot;</code> on every series
            instead: queries and alerts on the pushers’ job names find nothing. The job with the fix:
          </p>
          {check.fixedConfig && <CopyableCode code={check.fixedConfig} label="Copy corrected scrape config" />}
        </div>
      )}
    </div>
  );
}

/** How many groups have a usual interval, and why none when none. */
function CadenceFact() {
  const cadence = useCadenceView();
  if (!cadence) return null;
  const n = cadence.intervals.size;
  return (
    <Fact term="Usual intervals">
      {cadence.reason
        ? `Not known: ${cadence.reason}`
        : `${countOf(n, 'group has', 'groups have')} one (at least 3 pushes in the window); overdue after ${cadence.factor}× it without a successful push.`}
      {cadence.refreshedAt !== null && (
        <>
          {' '}
          Read <TimeAgo ms={cadence.refreshedAt} />.
        </>
      )}
    </Fact>
  );
}

function TargetFacts({ target }: { target: ScrapedTarget }) {
  const last = parseTimestamp(target.lastScrape);
  return (
    <>
      <Fact term="Scrape job">
        {target.job} (<code>{target.scrapeUrl}</code>)
      </Fact>
      <Fact term="Target health">
        {target.health === 'up' ? (
          <>
            <StateMark state="fresh" /> up
          </>
        ) : (
          <>
            <StateMark state="failed" /> {target.health}
            {target.lastError ? `: ${target.lastError}` : ''}
          </>
        )}
      </Fact>
      <Fact term="Last scrape">{Number.isFinite(last) && last > 0 ? <TimeAgo ms={last} /> : 'not yet'}</Fact>
      <Fact term="Scrape duration">{`${Math.round(target.lastScrapeDurationSeconds * 1000)} ms`}</Fact>
      <Fact term="Scrape interval">{target.scrapeInterval ?? 'unknown'}</Fact>
    </>
  );
}
