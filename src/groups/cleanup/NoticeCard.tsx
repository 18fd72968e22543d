import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { groupTitle } from '../../../core/gateway-key';
import type { Group } from '../../../core/metrics-types';
import { button } from '../../components/styles';
import { countOf, formatCount } from '../../lib/format';
import { NOTICE_MS, what, type Notice } from './notice-types';
import { undoLoss } from './undo-copy';

export interface NoticeActions {
  /** Undo the delete of these groups (all of the notice's, or one). */
  onUndo: (notice: Notice, groups: Group[]) => void;
  /** Try again the groups a delete or an undo could not do. */
  onRetry: (notice: Extract<Notice, { kind: 'failed' }>) => void;
  onDismiss: (id: number) => void;
}

interface Props extends NoticeActions {
  notice: Notice;
  /** Folded away under "earlier notices". */
  hidden: boolean;
  /** Groups of this notice whose Undo or Retry waits for the gateway. */
  pending: Group[];
}

const verbs = { delete: 'delete', restore: 'restore', wipe: 'wipe the gateway' } as const;

/** More groups than this in one notice are listed under a disclosure. */
const FOLD_GROUPS = 3;

/**
 * One notice. Successes leave after NOTICE_MS, but never while the pointer or focus is on them or
 * their Undo is waiting, so there is always time to reach Undo. Esc closes the one holding focus.
 * When one appears and focus has nowhere to be (the deleted group's button is gone), focus moves to
 * its first button: Undo is one Enter away. When it leaves holding focus, focus goes to the page's
 * main region instead of getting lost.
 */
export function NoticeCard({ notice: n, hidden, pending, onUndo, onRetry, onDismiss }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const hovered = useRef(false);
  const [held, setHeld] = useState(false);
  const updateHeld = () => setHeld(hovered.current || !!ref.current?.contains(document.activeElement));
  const busy = pending.length > 0;
  // A notice folded away gets no pointerleave: it is no longer under the pointer.
  useEffect(() => {
    if (!hidden) return;
    hovered.current = false;
    setHeld(!!ref.current?.contains(document.activeElement));
  }, [hidden]);

  useLayoutEffect(() => {
    const el = ref.current;
    const active = document.activeElement;
    if (el && !hidden && (!active || active === document.body))
      (el.querySelector<HTMLElement>('[data-primary]') ?? el.querySelector('button'))?.focus();
    return () => {
      if (el?.contains(document.activeElement)) document.querySelector('main')?.focus({ preventScroll: true });
    };
    // Only when the notice appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { id, kind } = n;
  useEffect(() => {
    if (kind === 'failed' || held || busy) return;
    const timer = setTimeout(() => onDismiss(id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [id, kind, held, busy, onDismiss]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onDismiss(id);
  };
  const failed = n.kind === 'failed';
  return (
    <div
      ref={ref}
      hidden={hidden}
      role={failed ? 'alert' : 'status'}
      aria-busy={busy}
      onKeyDown={onKeyDown}
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
      {n.kind === 'failed' && <FailedBody notice={n} />}
      {n.kind === 'deleted' && <DeletedBody notice={n} pending={pending} onUndo={(groups) => onUndo(n, groups)} />}
      {n.kind === 'restored' && <RestoredBody notice={n} />}
      {n.kind === 'wiped' && (
        <p>
          Wipe requested: the gateway{n.gateway !== undefined ? ` ${n.gateway}` : ''} deletes all{' '}
          {countOf(n.count, 'group', 'groups')} in the background.
        </p>
      )}
      <div className="mt-2 flex justify-end gap-2">
        {n.kind === 'deleted' && restorable(n).length > 0 && (
          <button
            type="button"
            data-primary
            // aria-disabled, not disabled: focus stays on the button while the gateway answers.
            aria-disabled={busy}
            aria-label={`Undo delete of ${what(restorable(n))}`}
            className={button('primary')}
            onClick={() => !busy && onUndo(n, restorable(n))}
          >
            {busy ? 'Undoing…' : 'Undo'}
          </button>
        )}
        {n.kind === 'failed' && n.action !== 'wipe' && n.failures.length > 0 && (
          <button
            type="button"
            data-primary
            aria-disabled={busy}
            aria-label={`Retry ${verbs[n.action]} of ${what(n.failures.map((f) => f.group))}`}
            className={button('primary')}
            onClick={() => !busy && onRetry(n)}
          >
            {busy ? 'Retrying…' : 'Retry'}
          </button>
        )}
        <button type="button" className={button('quiet')} onClick={() => onDismiss(n.id)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

function FailedBody({ notice: n }: { notice: Extract<Notice, { kind: 'failed' }> }) {
  return (
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
            <code className="font-mono text-xs">{groupTitle(f.group)}</code>: {f.message}
          </li>
        ))}
      </ul>
    </>
  );
}

type Deleted = Extract<Notice, { kind: 'deleted' }>;

/** The groups of a delete that Undo restores exactly: the only ones it offers. */
const restorable = (n: Deleted) => n.groups.filter((g) => !undoLoss(n.copies, g));

function DeletedBody({
  notice: n,
  pending,
  onUndo,
}: {
  notice: Extract<Notice, { kind: 'deleted' }>;
  pending: Group[];
  onUndo: (groups: Group[]) => void;
}) {
  const lost = n.groups.flatMap((group) => {
    const reason = undoLoss(n.copies, group);
    return reason ? [{ group, reason }] : [];
  });
  const list = n.groups.length > 1 && (
    <ul aria-label="Deleted groups" className="mt-1 max-h-48 space-y-0.5 overflow-auto">
      {n.groups.map((g) => (
        <li key={g.key} className="flex items-baseline justify-between gap-2">
          <code className="min-w-0 font-mono text-xs [overflow-wrap:anywhere]">{groupTitle(g)}</code>
          {!undoLoss(n.copies, g) && (
            <button
              type="button"
              aria-disabled={pending.length > 0}
              aria-label={`Undo delete of ${groupTitle(g)}`}
              className={button('quiet', 'shrink-0 text-xs')}
              onClick={() => pending.length === 0 && onUndo([g])}
            >
              {pending.some((p) => p.key === g.key) ? 'Undoing…' : 'Undo'}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <p className="[overflow-wrap:anywhere]">
        Deleted <span className="font-mono">{what(n.groups)}</span>.
      </p>
      {list &&
        (n.groups.length > FOLD_GROUPS ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-xs">Show the {formatCount(n.groups.length)} groups</summary>
            {list}
          </details>
        ) : (
          list
        ))}
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Undo pushes {n.groups.length === 1 ? 'it' : 'them'} back as last seen, except what was pushed again since; the
        restored push time is the time of the undo.
      </p>
      {lost.length > 0 && (
        <ul aria-label="Not restored by Undo" className="mt-1 space-y-0.5 text-xs [overflow-wrap:anywhere]">
          {lost.map(({ group, reason }) => (
            <li key={group.key}>
              {groupTitle(group)} is not restored by Undo: {reason}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RestoredBody({ notice: n }: { notice: Extract<Notice, { kind: 'restored' }> }) {
  return (
    <>
      {n.groups.length > 0 && (
        <p className="[overflow-wrap:anywhere]">
          Restored <span className="font-mono">{what(n.groups)}</span>.{' '}
          {n.groups.length === 1 ? 'Its push time is' : 'Their push times are'} now the time of the undo.
        </p>
      )}
      {n.kept.length > 0 && (
        <ul className="mt-1 space-y-0.5">
          {n.kept.map((g) => (
            <li key={g.key} className="[overflow-wrap:anywhere]">
              <span className="font-mono">{groupTitle(g)}</span> was pushed again since; kept the new data.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
