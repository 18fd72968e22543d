import type { GatewayStatus } from '../gateway/status';
import { Card, Fact } from '../components/Card';
import { versionNotes } from './version';

/** What Pushboard adapts to for this gateway's version, and the known traps of that version. */
export function VersionCard({ status }: { status: GatewayStatus }) {
  const { adapts, traps } = versionNotes(status);
  return (
    <Card title="Version">
      <p className="mb-2 text-sm">
        Pushgateway {status.build.version || 'of unknown version'}: what Pushboard adapts to for it.
      </p>
      <dl>
        {adapts.map(([term, text]) => (
          <Fact key={term} term={term}>
            {text}
          </Fact>
        ))}
      </dl>
      <h3 className="mt-3 text-sm font-semibold text-slate-800 dark:text-slate-100">Known traps of this version</h3>
      {traps.length ? (
        <ul className="mt-1 space-y-1 text-sm">
          {traps.map((trap) => (
            <li key={trap} className="flex gap-2 text-amber-900 dark:text-amber-200">
              <span aria-hidden="true">⚠</span>
              <span>{trap}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">None known.</p>
      )}
    </Card>
  );
}
