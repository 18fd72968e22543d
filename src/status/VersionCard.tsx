import type { GatewayStatus } from '../gateway/status';
import { Fact } from '../components/Card';
import { Subheading, Titled } from './Titled';
import { versionNotes } from './version';

/**
 * What Pushboard adapts to for this gateway's version, and the known traps of that version.
 * `level` 3: a part of one gateway's section, with several gateways.
 */
export function VersionCard({ status, level = 2 }: { status: GatewayStatus; level?: 2 | 3 }) {
  const { adapts, traps } = versionNotes(status);
  return (
    <Titled level={level} title="Version">
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
      <Subheading level={level}>Known traps of this version</Subheading>
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
    </Titled>
  );
}
