import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Group } from '../../gateway/metrics-types';
import { countOf } from '../../lib/format';
import { NOTICE_MS, type Notice } from './notice-types';

interface Props {
  notices: Notice[];
  onUndo: (notice: Extract<Notice, { kind: 'deleted' }>) => void;
  onDismiss: (id: number) => void;
}

const what = (groups: readonly Group[]) =>
  groups.length === 1 ? groups[0]!.selector : countOf(groups.length, 'group', 'groups');

const verbs = { delete: 'delete', restore: 'restore', wipe: 'wipe the gateway' } as const;

const button = 'rounded px-2 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-600';

/** Outcomes of deletes, undos and wipes, with Undo; failures per group, never hiding successes. */
export function Notices({ notices, onUndo, onDismiss }: Props) {
  return (
    <div className="fixed right-4 bottom-4 z-30 flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-2">
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} onUndo={onUndo} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

/**
 * One notice. Successes leave after NOTICE_MS, but never while the pointer or focus is on them,
 * so there is always time to reach Undo. When one appears and focus has nowhere to be (the
 * deleted group's button is gone), focus moves to its first button: Undo is one Enter away.
 * When it leaves holding focus, focus goes to the page's main region instead of getting lost.
 */
function NoticeCard({ notice: n, onUndo, onDismiss }: { notice: Notice } & Omit<Props, 'notices'>) {
  const ref = useRef<HTMLDivElement>(null);
  const hovered = useRef(false);
  const [held, setHeld] = useState(false);
  const updateHeld = () => setHeld(hovered.current || !!ref.current?.contains(document.activeElement));

  useLayoutEffect(() => {
    const el = ref.current;
    const active = document.activeElement;
    if (el && (!active || active === document.body)) el.querySelector('button')?.focus();
    return () => {
      if (el?.contains(document.activeElement)) document.querySelector('main')?.focus({ preventScroll: true });
    };
  }, []);
  const { id, kind } = n;
  useEffect(() => {
    if (kind === 'failed' || held) return;
    const timer = setTimeout(() => onDismiss(id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [id, kind, held, onDismiss]);

  const dismiss = (
    <button
      type="button"
      className={`${button} text-slate-600 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800`}
      onClick={() => onDismiss(n.id)}
    >
      Dismiss
    </button>
  );
  const failed = n.kind === 'failed';
  return (
    <div
      ref={ref}
      role={failed ? 'alert' : 'status'}
      onPointerEnter={() => ((hovered.current = true), updateHeld())}
      onPointerLeave={() => ((hovered.current = false), updateHeld())}
      onFocus={updateHeld}
      onBlur={() => requestAnimationFrame(updateHeld)}
      className={`rounded-md border p-3 text-sm shadow-lg ${
        failed
          ? 'border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 text-red-900 dark:text-red-200'
          : 'border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 text-slate-800 dark:text-slate-100'
      }`}
    >
      {n.kind === 'failed' && (
        <>
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
        </>
      )}
      {n.kind === 'deleted' && (
        <>
          <p className="[overflow-wrap:anywhere]">
            Deleted <span className="font-mono">{what(n.groups)}</span>.
          </p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
            Undo pushes {n.groups.length === 1 ? 'it' : 'them'} back as last seen; the restored push time is the time of
            the undo.
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
}
