import type { Group } from '../../gateway/metrics-types';
import { countOf } from '../../lib/format';
import type { Notice } from './notices';

interface Props {
  notices: Notice[];
  onUndo: (notice: Extract<Notice, { kind: 'deleted' }>) => void;
  onDismiss: (id: number) => void;
}

const what = (groups: readonly Group[]) =>
  groups.length === 1 ? groups[0]!.selector : countOf(groups.length, 'group', 'groups');

const verbs = { delete: 'delete', restore: 'restore', wipe: 'wipe the gateway' } as const;

/** Outcomes of deletes, undos and wipes, with Undo; failures per group, never hiding successes. */
export function Notices({ notices, onUndo, onDismiss }: Props) {
  const button = 'rounded px-2 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-600';
  return (
    <div className="fixed right-4 bottom-4 z-30 flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-2">
      {notices.map((n) => {
        const dismiss = (
          <button
            type="button"
            className={`${button} text-slate-600 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800`}
            onClick={() => onDismiss(n.id)}
          >
            Dismiss
          </button>
        );
        if (n.kind === 'failed') {
          return (
            <div
              key={n.id}
              role="alert"
              className="rounded-md border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 p-3 text-sm text-red-900 dark:text-red-200 shadow-lg"
            >
              <p className="font-semibold">
                {n.failures.length
                  ? `Could not ${verbs[n.action]} ${countOf(n.failures.length, 'group', 'groups')}:`
                  : `Could not ${verbs[n.action]}.`}
              </p>
              {n.message && <p className="mt-1 [overflow-wrap:anywhere]">{n.message}</p>}
              <ul className="mt-1 max-h-40 space-y-1 overflow-auto">
                {n.failures.map((f) => (
                  <li key={f.group.key} className="[overflow-wrap:anywhere]">
                    <code className="font-mono text-xs">{f.group.selector}</code>: {f.message}
                  </li>
                ))}
              </ul>
              <div className="mt-2 flex justify-end">{dismiss}</div>
            </div>
          );
        }
        return (
          <div
            key={n.id}
            role="status"
            className="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-3 text-sm text-slate-800 dark:text-slate-100 shadow-lg"
          >
            {n.kind === 'deleted' && (
              <>
                <p className="[overflow-wrap:anywhere]">
                  Deleted <span className="font-mono">{what(n.groups)}</span>.
                </p>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  Undo pushes {n.groups.length === 1 ? 'it' : 'them'} back as last seen; the restored push time is the
                  time of the undo.
                </p>
              </>
            )}
            {n.kind === 'restored' && (
              <p className="[overflow-wrap:anywhere]">
                Restored <span className="font-mono">{what(n.groups)}</span>. Its push time is now the time of the undo.
              </p>
            )}
            {n.kind === 'wiped' && (
              <p>Wipe requested: the gateway deletes all {countOf(n.count, 'group', 'groups')} in the background.</p>
            )}
            <div className="mt-2 flex justify-end gap-2">
              {n.kind === 'deleted' && (
                <button
                  type="button"
                  className={`${button} bg-teal-700 text-white hover:bg-teal-800`}
                  onClick={() => onUndo(n)}
                >
                  Undo
                </button>
              )}
              {dismiss}
            </div>
          </div>
        );
      })}
    </div>
  );
}
