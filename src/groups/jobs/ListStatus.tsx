import { button } from '../../components/styles';
import { formatCount } from '../../lib/format';

/** "Showing 20 of 310 groups." while a filter is on; "Loading all N groups…" while the snapshot arrives. */
export function ListStatus({
  shown,
  total,
  partialOf,
  filtering,
}: {
  shown: number;
  total: number;
  /** While the snapshot is still arriving: how many groups there are in all. */
  partialOf: number | undefined;
  filtering: boolean;
}) {
  if (partialOf !== undefined)
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        Loading all {formatCount(partialOf)} groups…
      </p>
    );
  if (!filtering) return null;
  return (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
      Showing {formatCount(shown)} of {formatCount(total)} {total === 1 ? 'group' : 'groups'}.
    </p>
  );
}

/** "Expand all" and "Collapse all" (+ and - on the keyboard), small, for the toolbar. */
export function FoldAll({ onAll }: { onAll: (open: boolean) => void }) {
  const small = button('plain', 'px-2 font-normal leading-5');
  return (
    <span className="inline-flex">
      <button
        type="button"
        aria-label="Expand all"
        title="Expand all jobs (+)"
        aria-keyshortcuts="+"
        className={`${small} rounded-r-none`}
        onClick={() => onAll(true)}
      >
        <span aria-hidden="true">⊞</span>
      </button>
      <button
        type="button"
        aria-label="Collapse all"
        title="Collapse all jobs (-)"
        aria-keyshortcuts="-"
        className={`${small} -ml-px rounded-l-none`}
        onClick={() => onAll(false)}
      >
        <span aria-hidden="true">⊟</span>
      </button>
    </span>
  );
}
