import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useIsMutating } from '@tanstack/react-query';
import type { Group } from '../../../core/metrics-types';
import { useConfig } from '../../config/ConfigContext';
import { DeleteDialog } from './DeleteDialog';
import { Notices } from './Notices';
import type { NewNotice, Notice } from './notice-types';
import { useDeleteGroups, useRestoreGroups, useWipe, type BatchRequest, type WipeRequest } from './mutations';

interface DeleteRequest {
  groups: Group[];
  title: string;
}

/** Stable actions (safe to use in every row without re-rendering it) ... */
interface Cleanup {
  readOnly: boolean;
  setSelected: (keys: readonly string[], on: boolean) => void;
  clearSelection: () => void;
  /** Opens the confirmation for deleting exactly these groups. */
  requestDelete: (groups: Group[], title: string) => void;
  /**
   * Wipes the gateway, with several the one named (after its own confirmation); `groups` is what
   * the person saw of it.
   */
  wipe: (request: WipeRequest) => void;
  setDialogOpen: (open: boolean) => void;
}

/** ... and the state that changes. */
interface CleanupState {
  selected: ReadonlySet<string>;
  /** True while a confirmation is open: polling pauses so nothing moves under the cursor. */
  dialogOpen: boolean;
  /** A delete or a wipe is waiting for the gateway. */
  busy: boolean;
}

const CleanupContext = createContext<Cleanup | null>(null);
const CleanupStateContext = createContext<CleanupState>({ selected: new Set(), dialogOpen: false, busy: false });

export function CleanupProvider({ children }: { children: ReactNode }) {
  const { readOnly } = useConfig();
  const [selected, setSelectedState] = useState<ReadonlySet<string>>(new Set());
  const [request, setRequest] = useState<DeleteRequest | null>(null);
  const [otherDialog, setDialogOpen] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const addNotice = useCallback((notice: NewNotice) => {
    const id = nextId.current++;
    setNotices((all) => [...all, { ...notice, id }]);
  }, []);
  const setSelected = useCallback((keys: readonly string[], on: boolean) => {
    setSelectedState((prev) => {
      const next = new Set(prev);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });
  }, []);
  const clearSelection = useCallback(() => setSelectedState(new Set()), []);
  const requestDelete = useCallback((groups: Group[], title: string) => setRequest({ groups, title }), []);
  const onGone = useCallback(
    (groups: readonly Group[]) =>
      setSelected(
        groups.map((g) => g.key),
        false,
      ),
    [setSelected],
  );

  /** An Undo or a Retry is over: its groups leave the notice that offered it, and an empty notice goes. */
  const settled = useCallback(({ groups, noticeId }: BatchRequest) => {
    if (noticeId === undefined) return;
    const done = new Set(groups.map((g) => g.key));
    setNotices((all) =>
      all.flatMap((n) => {
        if (n.id !== noticeId) return [n];
        if (n.kind === 'deleted') {
          const rest = n.groups.filter((g) => !done.has(g.key));
          return rest.length ? [{ ...n, groups: rest }] : [];
        }
        return [];
      }),
    );
  }, []);

  const deletion = useDeleteGroups({ addNotice, onGone, onSettled: settled });
  const restore = useRestoreGroups({ addNotice, onSettled: settled });
  const wiping = useWipe({ addNotice, onGone });
  const { mutate: runDelete } = deletion;
  const { mutate: runRestore } = restore;
  const { mutate: runWipe } = wiping;
  const busy = useIsMutating({ mutationKey: ['cleanup'] }) > 0;

  const undo = useCallback(
    (notice: Notice, groups: Group[]) =>
      runRestore({ groups, noticeId: notice.id, ...(notice.kind === 'deleted' ? { copies: notice.copies } : {}) }),
    [runRestore],
  );
  const retry = useCallback(
    (notice: Extract<Notice, { kind: 'failed' }>) => {
      const groups = notice.failures.map((f) => f.group);
      if (notice.action === 'delete') runDelete({ groups, noticeId: notice.id });
      if (notice.action === 'restore') runRestore({ groups, noticeId: notice.id, copies: notice.copies });
    },
    [runDelete, runRestore],
  );

  const actions = useMemo<Cleanup>(
    () => ({ readOnly, setSelected, clearSelection, requestDelete, wipe: runWipe, setDialogOpen }),
    [readOnly, setSelected, clearSelection, requestDelete, runWipe],
  );
  const state = useMemo<CleanupState>(
    () => ({ selected, dialogOpen: request !== null || otherDialog, busy }),
    [selected, request, otherDialog, busy],
  );

  return (
    <CleanupContext value={actions}>
      <CleanupStateContext value={state}>{children}</CleanupStateContext>
      {request && (
        <DeleteDialog
          title={request.title}
          groups={request.groups}
          onConfirm={(copies) => runDelete({ groups: request.groups, copies })}
          onClose={() => setRequest(null)}
        />
      )}
      <Notices notices={notices} onUndo={undo} onRetry={retry} onDismiss={dismiss} />
    </CleanupContext>
  );
}

export const useCleanupState = () => useContext(CleanupStateContext);

export function useCleanup(): Cleanup {
  const cleanup = useContext(CleanupContext);
  if (!cleanup) throw new Error('useCleanup outside CleanupProvider');
  return cleanup;
}
