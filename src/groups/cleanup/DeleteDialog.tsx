import type { Group } from '../../../core/metrics-types';
import { groupTitle } from '../../../core/gateway-key';
import { isRestorable } from '../../gateway/exposition';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { countOf } from '../../lib/format';
import { GroupPreview } from './GroupPreview';
import { NOTICE_MS } from './notice-types';

interface Props {
  title: string;
  groups: Group[];
  onConfirm: () => void;
  onClose: () => void;
}

/** Names exactly what will be deleted before anything is. */
export function DeleteDialog({ title, groups, onConfirm, onClose }: Props) {
  const only = groups.length === 1 ? groups[0] : undefined;
  const lost = groups.filter((g) => !isRestorable(g));
  return (
    <ConfirmDialog title={title} confirmLabel="Delete" onConfirm={onConfirm} onClose={onClose}>
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
      {lost.length > 0 && (
        <div
          role="note"
          className="mt-3 rounded border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 p-2 text-amber-900 dark:text-amber-100"
        >
          {only ? (
            <p>This group holds a native histogram; it cannot be restored.</p>
          ) : (
            <>
              <p>
                {countOf(lost.length, 'of these groups holds', 'of these groups hold')} a native histogram;{' '}
                {lost.length === 1 ? 'it' : 'they'} cannot be restored:
              </p>
              <ul className="mt-1 font-mono text-xs break-all">
                {lost.map((g) => (
                  <li key={g.key}>{groupTitle(g)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        Prometheus stops scraping {only ? 'it' : 'them'} at its next scrape. Undo is offered for {NOTICE_MS / 1000}{' '}
        seconds afterwards (longer while the pointer or focus is on it); it restores what was last seen here, and leaves
        alone any group pushed again since.
      </p>
    </ConfirmDialog>
  );
}

/** "the gateway", or with several the gateways these groups are on: "eu-1 (3) and us-1 (1)". */
function gatewaysOf(groups: readonly Group[]): string {
  const counts = new Map<string, number>();
  for (const g of groups) if (g.gateway !== undefined) counts.set(g.gateway, (counts.get(g.gateway) ?? 0) + 1);
  if (counts.size === 0) return 'the gateway';
  const parts = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, n]) => `${name} (${n})`);
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `${counts.size === 1 ? 'the gateway' : 'the gateways'} ${list}`;
}
