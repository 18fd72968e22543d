import { useEffect, useState } from 'react';
import type { Group } from '../../../core/metrics-types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { countOf, formatCount } from '../../lib/format';
import { GroupPreview } from './GroupPreview';
import { NOTICE_MS } from './notice-types';
import { readUndoCopies, undoLoss, type UndoCopies } from './undo-copy';
import { useGatewayClient } from '../../gateway/client-context';
import { UndoLosses } from './UndoLosses';

interface Props {
  title: string;
  groups: Group[];
  /** Called with what Undo will push back, read while the dialog was open. */
  onConfirm: (copies: UndoCopies) => void;
  onClose: () => void;
}

/**
 * Names exactly what will be deleted before anything is, and what Undo could not restore: Delete
 * waits until the groups' copies for Undo are read.
 */
export function DeleteDialog({ title, groups, onConfirm, onClose }: Props) {
  const only = groups.length === 1 ? groups[0] : undefined;
  const [copies, setCopies] = useState<UndoCopies>();
  const client = useGatewayClient();
  useEffect(() => {
    let live = true;
    void readUndoCopies(client, groups).then((read) => live && setCopies(read));
    return () => {
      live = false;
    };
  }, [client, groups]);
  const lost = copies
    ? groups.flatMap((group) => {
        const reason = undoLoss(copies, group);
        return reason ? [{ group, reason }] : [];
      })
    : [];
  return (
    <ConfirmDialog
      title={title}
      confirmLabel="Delete"
      confirmDisabled={!copies}
      onConfirm={() => copies && onConfirm(copies)}
      onClose={onClose}
    >
      {only ? (
        <p>
          Delete the group{' '}
          <code className="font-mono break-all text-slate-900 dark:text-slate-50">{only.selector}</code> and its{' '}
          {countOf(only.families.length, 'metric family', 'metric families')} from the gateway
          {only.gateway !== undefined && (
            <>
              {' '}
              <strong>{only.gateway}</strong>
            </>
          )}
          ?
        </p>
      ) : (
        <>
          <p>
            Delete these {countOf(groups.length, 'group', 'groups')} from {gatewaysOf(groups)}?
          </p>
          <div className="mt-2">
            <GroupPreview groups={groups} />
          </div>
        </>
      )}
      {copies ? (
        <UndoLosses lost={lost} total={groups.length} />
      ) : (
        <p role="status" className="mt-3 text-slate-600 dark:text-slate-300">
          Reading what Undo would restore…
        </p>
      )}
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        Prometheus stops scraping {only ? 'it' : 'them'} at its next scrape.
        {copies && <> {undoText(groups.length, lost.length)}</>}
      </p>
    </ConfirmDialog>
  );
}

/** What Undo will offer: nothing where every group is lost, and never a promise under a warning. */
function undoText(total: number, lost: number): string {
  const seconds = NOTICE_MS / 1000;
  if (lost === total) return 'No Undo will be offered.';
  const which = lost === 0 ? (total === 1 ? 'it' : 'them') : total - lost === 1 ? 'the other group' : 'the others';
  return `Undo is offered for ${seconds} seconds afterwards (longer while the pointer or focus is on it); it restores ${which} exactly as the gateway holds ${total - lost === 1 ? 'it' : 'them'} now, and leaves alone any group pushed again since.`;
}

/** "the gateway", or with several the gateways these groups are on: "eu-1 (3) and us-1 (1)". */
function gatewaysOf(groups: readonly Group[]): string {
  const counts = new Map<string, number>();
  for (const g of groups) if (g.gateway !== undefined) counts.set(g.gateway, (counts.get(g.gateway) ?? 0) + 1);
  if (counts.size === 0) return 'the gateway';
  const parts = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, n]) => `${name} (${formatCount(n)})`);
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `${counts.size === 1 ? 'the gateway' : 'the gateways'} ${list}`;
}
