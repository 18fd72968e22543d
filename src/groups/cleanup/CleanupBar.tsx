import { useEffect, useMemo, useState } from 'react';
import type { Group } from '../../../core/metrics-types';
import { button } from '../../components/styles';
import { countOf, formatCount } from '../../lib/format';
import { useGatewayStatus } from '../../gateway/status-query';
import { useCleanup, useCleanupState } from './CleanupContext';
import { WipeDialog } from './WipeDialog';
import type { WipeRequest } from './mutations';
import { useGateways } from '../../config/ConfigContext';

interface Props {
  /** Every group the gateway holds. */
  groups: readonly Group[];
  /** The groups the filters let through: what bulk actions act on while a filter is on. */
  shown: readonly Group[];
  /** Whether a filter is on (then `shown` is a part of `groups`). */
  filtering: boolean;
  /** Every stale group. */
  stale: readonly Group[];
  /** Clears the filters, so hidden selected groups show. */
  onShowAll: () => void;
  /**
   * `selection`: what acts on the groups picked by hand, shown only while some are (under the
   * toolbar); `bulk`: deleting the stale groups and wiping, kept in the Actions menu so they are
   * never among the first controls; `all` (the default): both.
   */
  part?: 'selection' | 'bulk' | 'all';
}

/**
 * Bulk actions: the selection, the stale groups, and (with the admin API) everything. With a
 * filter on, stale groups means the stale groups shown, and selected groups the filter hides are
 * named, with a way to show them or unselect them.
 */
export function CleanupBar({ groups, shown, filtering, stale, onShowAll, part = 'all' }: Props) {
  const { requestDelete, clearSelection, setSelected, wipe, setDialogOpen } = useCleanup();
  const { selected, busy } = useCleanupState();
  /** The wipe being confirmed: with several gateways, which one (`''` with one gateway). */
  const [wiping, setWiping] = useState<string | null>(null);
  const gateways = useGateways();
  // Memos: the bar renders with the page at every poll and clock tick, over every group.
  const chosen = useMemo(
    () => (selected.size === 0 ? [] : groups.filter((g) => selected.has(g.key))),
    [groups, selected],
  );
  const visible = useMemo(() => (filtering ? new Set(shown.map((g) => g.key)) : null), [filtering, shown]);
  const hiddenChosen = useMemo(() => (visible ? chosen.filter((g) => !visible.has(g.key)) : []), [chosen, visible]);
  const staleTargets = useMemo(() => (visible ? stale.filter((g) => visible.has(g.key)) : stale), [stale, visible]);
  const staleLabel = `Delete ${countOf(staleTargets.length, 'stale group', 'stale groups')}${filtering ? ' shown' : ''}`;
  const chosenLabel = `Delete ${countOf(chosen.length, 'selected group', 'selected groups')}`;

  const openWipe = (gateway: string | null) => {
    setWiping(gateway);
    setDialogOpen(gateway !== null);
  };
  // A confirmed wipe empties the list at once, which unmounts this bar and its dialog before the
  // dialog's close event (a task later) reaches onClose: the page must not stay paused for it.
  useEffect(() => {
    if (wiping !== null) return () => setDialogOpen(false);
  }, [wiping, setDialogOpen]);

  const selection = part !== 'bulk';
  const bulk = part !== 'selection';
  if (part === 'selection' && chosen.length === 0 && !busy) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {selection && (
        <button
          type="button"
          className={button('danger')}
          disabled={chosen.length === 0 || busy}
          onClick={() => requestDelete(chosen, chosenLabel)}
        >
          {chosenLabel}
        </button>
      )}
      {selection && chosen.length > 0 && (
        <button type="button" className={button('plain')} onClick={clearSelection}>
          Clear selection
        </button>
      )}
      {bulk && (
        <button
          type="button"
          className={button('danger')}
          disabled={staleTargets.length === 0 || busy}
          onClick={() => requestDelete([...staleTargets], staleLabel)}
        >
          {staleLabel}
        </button>
      )}
      {!bulk ? null : gateways ? (
        gateways.map(({ name }) => (
          <WipeButton
            key={name}
            gateway={name}
            disabled={!groups.some((g) => g.gateway === name) || busy}
            onClick={() => openWipe(name)}
          />
        ))
      ) : (
        <WipeButton disabled={groups.length === 0 || busy} onClick={() => openWipe('')} />
      )}
      {busy && selection && (
        <span role="status" className="text-sm text-slate-600 dark:text-slate-300">
          Waiting for the gateway…
        </span>
      )}
      {selection && hiddenChosen.length > 0 && (
        <p
          role="status"
          className="flex w-full flex-wrap items-center gap-2 text-sm text-amber-900 dark:text-amber-200"
        >
          {formatCount(hiddenChosen.length)} of {countOf(chosen.length, 'selected group', 'selected groups')}{' '}
          {hiddenChosen.length === 1 ? 'is' : 'are'} hidden by the filter.
          <button type="button" className={button('plain')} onClick={onShowAll}>
            Show them
          </button>
          <button
            type="button"
            className={button('plain')}
            onClick={() =>
              setSelected(
                hiddenChosen.map((g) => g.key),
                false,
              )
            }
          >
            Unselect them
          </button>
        </p>
      )}
      {bulk && wiping !== null && (
        <WipeDialog {...wipeTarget(groups, wiping)} onConfirm={wipe} onClose={() => openWipe(null)} />
      )}
    </div>
  );
}

/** What a wipe of `gateway` (`''` with one gateway) acts on: that gateway's groups. */
function wipeTarget(groups: readonly Group[], gateway: string): WipeRequest {
  return gateway === '' ? { groups } : { groups: groups.filter((g) => g.gateway === gateway), gateway };
}

/**
 * "Delete all groups": only offered when the gateway runs with its admin API. With several
 * gateways, one per gateway that has it ("Delete all groups on eu-1"), never one for all.
 */
function WipeButton({ gateway, disabled, onClick }: { gateway?: string; disabled: boolean; onClick: () => void }) {
  const adminApi = useGatewayStatus(gateway).data?.adminApiEnabled === true;
  if (!adminApi) return null;
  return (
    <button type="button" className={button('danger')} disabled={disabled} onClick={onClick}>
      Delete all groups{gateway !== undefined ? ` on ${gateway}` : ''}
    </button>
  );
}
