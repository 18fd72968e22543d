import type { Group } from '../../core/metrics-types';
import { servedByServer } from '../config/config';
import { useNow } from '../lib/useNow';
import { useCadence } from './api';
import { useGroupHistory, type GroupHistory } from './history-api';
import { cadenceNote } from './overdue';
import { PushStrip } from './PushStrip';

const code = 'font-mono text-xs [overflow-wrap:anywhere]';

/** In an expanded group: its last pushes on a time axis, its rhythm, and a failed push explained. */
export function PushHistory({ group }: { group: Group }) {
  const served = servedByServer();
  const { data, error } = useGroupHistory(group.key, `${group.pushTime}|${group.failureTime}`);
  const cadence = useCadence();
  const now = useNow();
  if (!served) return null;
  const note = cadenceNote(group, cadence, now);
  return (
    <section
      aria-label="Push history"
      className="border-t border-slate-200 dark:border-slate-700 px-4 py-2 text-sm text-slate-700 dark:text-slate-200 space-y-1"
    >
      {error ? (
        <p>Push history: {error.message}</p>
      ) : !data ? (
        <p className="text-slate-500 dark:text-slate-400">Reading the push history…</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <PushStrip pushes={data.pushes} rhythm={data.rhythm} nowSeconds={now / 1000} />
            <span>
              {note ? `${note.usual}${note.due ? `; ${note.due}` : ''}` : 'No rhythm yet: it needs 3 pushes.'}
            </span>
          </div>
          {!group.lastPushSuccessful && <FailedPush history={data} />}
        </>
      )}
    </section>
  );
}

/** The gateway keeps no reason for a refused push: what Pushboard can say against its state now. */
function FailedPush({ history }: { history: GroupHistory }) {
  return (
    <div>
      <p>
        <strong>Why the last push failed:</strong> the gateway keeps no reason for a refused push, only its time. What
        Pushboard can check against the gateway now:
      </p>
      <ul className="list-disc pl-5">
        {history.shared.length > 0 ? (
          <li>
            Metric names this group shares with other groups, whose TYPE and HELP a push must keep (a push that changes
            them is refused as &ldquo;inconsistent with existing metrics&rdquo;):{' '}
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
          <li>No other group holds this group’s metric names: no TYPE or HELP clash with them.</li>
        )}
        <li>
          Names: metric and label names outside <code className={code}>[a-zA-Z_:][a-zA-Z0-9_:]*</code> are refused
          (UTF-8 names need gateway 1.11+ with <code className={code}>--push.enable-utf8-names</code>), and label names
          starting with <code className={code}>__</code>.
        </li>
        <li>
          The body: a sample with a timestamp, the same series twice, or a line not ended by a newline is refused; a
          body label that contradicts the grouping key (such as <code className={code}>job</code>) is overridden by it.
        </li>
      </ul>
    </div>
  );
}
