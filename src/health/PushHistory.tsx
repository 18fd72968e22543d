import type { Group } from '../../core/metrics-types';
import { servedByServer } from '../config/config';
import { useNow } from '../lib/useNow';
import { useCadence } from './api';
import { useGroupHistory, type GroupHistory } from './history-api';
import { cadenceNote } from './overdue';
import { PushStrip } from './PushStrip';

const code = 'font-mono text-xs [overflow-wrap:anywhere]';

/**
 * In an expanded group's selector row: its last pushes on a time axis, and its rhythm unless the
 * card's heading says it already (`sayRhythm`). In that row, not one of its own, so that an
 * expanded group of five families stays within about 400 px.
 */
export function PushHistory({ group, sayRhythm }: { group: Group; sayRhythm: boolean }) {
  const served = servedByServer();
  const { data, error } = useGroupHistory(group.key, `${group.pushTime}|${group.failureTime}`);
  const cadence = useCadence();
  const now = useNow();
  if (!served) return null;
  const note = cadenceNote(group, cadence, now);
  return (
    <section
      aria-label="Push history"
      className="flex flex-wrap items-center gap-x-2 text-xs text-slate-700 dark:text-slate-200"
    >
      {error ? (
        <span>Push history: {error.message}</span>
      ) : !data ? (
        <span className="text-slate-500 dark:text-slate-400">Reading the push history…</span>
      ) : (
        <>
          <PushStrip pushes={data.pushes} rhythm={data.rhythm} nowSeconds={now / 1000} />
          {note ? (
            sayRhythm && <span>{`${note.usual}${note.due ? `; ${note.due}` : ''}`}</span>
          ) : (
            <span title="Pushboard learns a group's rhythm from 3 pushes it has seen">no rhythm yet</span>
          )}
        </>
      )}
    </section>
  );
}

/** Under a group whose last push failed: why, as far as Pushboard can tell. */
export function FailedPushNote({ group }: { group: Group }) {
  const served = servedByServer();
  const { data } = useGroupHistory(group.key, `${group.pushTime}|${group.failureTime}`);
  if (!served || !data || group.lastPushSuccessful) return null;
  return (
    <section
      aria-label="Why the last push failed"
      className="border-t border-slate-200 dark:border-slate-700 px-4 py-2 text-sm text-slate-700 dark:text-slate-200"
    >
      <FailedPush history={data} />
    </section>
  );
}

/**
 * The gateway keeps no reason for a refused push: what Pushboard can say against its state now.
 * What a push must keep is the TYPE of a name other groups hold: 1.5.1 and 1.11.0 both accept a
 * differing HELP (and show one of the two), as the push check's truth table shows
 * (e2e/push-check.spec.ts).
 */
export function FailedPush({ history }: { history: Pick<GroupHistory, 'shared'> }) {
  return (
    <div>
      <p>
        <strong>Why the last push failed:</strong> the gateway keeps no reason for a refused push, only its time. What
        Pushboard can check against the gateway now:
      </p>
      <ul className="list-disc pl-5">
        {history.shared.length > 0 ? (
          <li>
            Metric names this group shares with other groups, whose TYPE a push must keep (a push that changes it is
            refused as &ldquo;inconsistent with existing metrics&rdquo;; a different HELP is accepted, and the gateway
            shows one of the two):{' '}
            {history.shared.map((f, i) => (
              <span key={f.name}>
                {i > 0 && ', '}
                <code className={code}>{f.name}</code> ({f.type.toLowerCase()}
                {f.help ? `, HELP “${f.help}”` : ', no HELP'}, in {f.groups} other {f.groups === 1 ? 'group' : 'groups'}
                )
              </span>
            ))}
            .
          </li>
        ) : (
          <li>No other group holds this group’s metric names: no TYPE clash with them.</li>
        )}
        <li>
          Names: label names outside <code className={code}>[a-zA-Z_][a-zA-Z0-9_]*</code> are refused (UTF-8 label names
          need gateway 1.11+ with <code className={code}>--push.enable-utf8-names</code>), and label names starting with{' '}
          <code className={code}>__</code>; metric names outside <code className={code}>[a-zA-Z_:][a-zA-Z0-9_:]*</code>{' '}
          are refused before 1.11. A name that is another group’s histogram or summary with{' '}
          <code className={code}>_count</code> or <code className={code}>_sum</code> added (or a histogram’s{' '}
          <code className={code}>_bucket</code>) is refused too.
        </li>
        <li>
          The body: a sample with a timestamp, the same series twice, or a line not ended by a newline is refused; a
          body label that contradicts the grouping key (such as <code className={code}>job</code>) is overridden by it.
        </li>
      </ul>
    </div>
  );
}
