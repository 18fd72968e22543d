import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { gatewayKeys } from '../../gateway/keys';
import type { Group } from '../../gateway/metrics-types';
import { useConfig } from '../../config/ConfigContext';
import { deleteGroups, removeOptimistically, restoreGroups } from './api';
import { DeleteDialog } from './DeleteDialog';
import { Notices } from './Notices';
import type { NewNotice, Notice } from './notice-types';

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
  addNotice: (notice: NewNotice) => void;
  setDialogOpen: (open: boolean) => void;
}

/** ... and the state that changes. */
interface CleanupState {
  selected: ReadonlySet<string>;
  /** True while a confirmation is open: polling pauses so nothing moves under the cursor. */
  dialogOpen: boolean;
}

const CleanupContext = createContext<Cleanup | null>(null);
const CleanupStateContext = createContext<CleanupState>({ selected: new Set(), dialogOpen: false });

export function CleanupProvider({ children }: { children: ReactNode }) {
  const { readOnly } = useConfig();
  const queryClient = useQueryClient();
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

  const refetch = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: gatewayKeys.metrics() }),
    [queryClient],
  );

  const runDelete = useCallback(
    async (groups: Group[]) => {
      const putBack = await removeOptimistically(queryClient, groups);
      const { done, failed } = await deleteGroups(groups);
      putBack(failed.map((f) => f.group));
      setSelected(
        done.map((g) => g.key),
        false,
      );
      if (done.length) addNotice({ kind: 'deleted', groups: done });
      if (failed.length) addNotice({ kind: 'failed', action: 'delete', failures: failed });
      refetch();
    },
    [queryClient, addNotice, setSelected, refetch],
  );

  const undo = useCallback(
    async (notice: Extract<Notice, { kind: 'deleted' }>) => {
      dismiss(notice.id);
      const { done, failed } = await restoreGroups(notice.groups);
      if (done.length) addNotice({ kind: 'restored', groups: done });
      if (failed.length) addNotice({ kind: 'failed', action: 'restore', failures: failed });
      refetch();
    },
    [dismiss, addNotice, refetch],
  );

  const actions = useMemo<Cleanup>(
    () => ({ readOnly, setSelected, clearSelection, requestDelete, addNotice, setDialogOpen }),
    [readOnly, setSelected, clearSelection, requestDelete, addNotice],
  );
  const state = useMemo<CleanupState>(
    () => ({ selected, dialogOpen: request !== null || otherDialog }),
    [selected, request, otherDialog],
  );

  return (
    <CleanupContext value={actions}>
      <CleanupStateContext value={state}>{children}</CleanupStateContext>
      {request && (
        <DeleteDialog
          title={request.title}
          groups={request.groups}
          onConfirm={() => void runDelete(request.groups)}
          onClose={() => setRequest(null)}
        />
      )}
      <Notices notices={notices} onUndo={(n) => void undo(n)} onDismiss={dismiss} />
    </CleanupContext>
  );
}

export const useCleanupState = () => useContext(CleanupStateContext);

export function useCleanup(): Cleanup {
  const cleanup = useContext(CleanupContext);
  if (!cleanup) throw new Error('useCleanup outside CleanupProvider');
  return cleanup;
}
