import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Group } from '../../gateway/metrics-types';
import { gatewayKeys } from '../../gateway/keys';
import { countOf } from '../../lib/format';
import { useGatewayStatus } from '../../status/api';
import { wipeGateway } from './api';
import { useCleanup, useCleanupState } from './CleanupContext';
import { WipeDialog } from './WipeDialog';

const button =
  'rounded border px-2.5 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 disabled:cursor-not-allowed disabled:opacity-50';
const danger = `${button} border-red-300 dark:border-red-800 bg-white dark:bg-slate-900 text-red-800 dark:text-red-300 hover:bg-red-50 dark:hover:bg-red-950 focus-visible:outline-red-600`;

/** Bulk actions: the selection, the stale groups, and (with the admin API) everything. */
export function CleanupBar({ groups, stale }: { groups: readonly Group[]; stale: readonly Group[] }) {
  const { requestDelete, clearSelection, addNotice, setDialogOpen } = useCleanup();
  const { selected } = useCleanupState();
  const adminApi = useGatewayStatus().data?.adminApiEnabled === true;
  const [wiping, setWiping] = useState(false);
  const queryClient = useQueryClient();
  const chosen = groups.filter((g) => selected.has(g.key));

  const wipe = async () => {
    try {
      await wipeGateway();
      addNotice({ kind: 'wiped', count: groups.length });
      queryClient.setQueryData(gatewayKeys.metrics(), { groups: [], jobs: [] });
      clearSelection();
    } catch (error) {
      addNotice({
        kind: 'failed',
        action: 'wipe',
        failures: [],
        message: error instanceof Error ? error.message : String(error),
      });
    }
    void queryClient.invalidateQueries({ queryKey: gatewayKeys.metrics() });
  };
  const openWipe = (open: boolean) => {
    setWiping(open);
    setDialogOpen(open);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={danger}
        disabled={chosen.length === 0}
        onClick={() => requestDelete(chosen, `Delete ${countOf(chosen.length, 'selected group', 'selected groups')}`)}
      >
        Delete {countOf(chosen.length, 'selected group', 'selected groups')}
      </button>
      {chosen.length > 0 && (
        <button
          type="button"
          className={`${button} border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 hover:bg-slate-50 dark:hover:bg-slate-950`}
          onClick={clearSelection}
        >
          Clear selection
        </button>
      )}
      <button
        type="button"
        className={danger}
        disabled={stale.length === 0}
        onClick={() => requestDelete([...stale], `Delete ${countOf(stale.length, 'stale group', 'stale groups')}`)}
      >
        Delete {countOf(stale.length, 'stale group', 'stale groups')}
      </button>
      {adminApi && (
        <button type="button" className={danger} disabled={groups.length === 0} onClick={() => openWipe(true)}>
          Delete all groups
        </button>
      )}
      {wiping && <WipeDialog groups={groups} onConfirm={() => void wipe()} onClose={() => openWipe(false)} />}
    </div>
  );
}
