import type { Group } from '../../gateway/metrics-types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { countOf } from '../../lib/format';
import { GroupPreview } from './GroupPreview';

interface Props {
  title: string;
  groups: Group[];
  onConfirm: () => void;
  onClose: () => void;
}

/** Names exactly what will be deleted before anything is. */
export function DeleteDialog({ title, groups, onConfirm, onClose }: Props) {
  const only = groups.length === 1 ? groups[0] : undefined;
  return (
    <ConfirmDialog title={title} confirmLabel="Delete" onConfirm={onConfirm} onClose={onClose}>
      {only ? (
        <p>
          Delete the group{' '}
          <code className="font-mono break-all text-slate-900 dark:text-slate-50">{only.selector}</code> and its{' '}
          {countOf(only.families.length, 'metric family', 'metric families')} from the gateway?
        </p>
      ) : (
        <>
          <p>Delete these {countOf(groups.length, 'group', 'groups')} from the gateway?</p>
          <div className="mt-2">
            <GroupPreview groups={groups} />
          </div>
        </>
      )}
      <p className="mt-3 text-slate-500 dark:text-slate-400">
        Prometheus stops scraping them at its next scrape. You can undo for a few seconds afterwards.
      </p>
    </ConfirmDialog>
  );
}
