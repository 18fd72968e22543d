import type { Group } from '../../../core/metrics-types';
import { groupTitle } from '../../../core/gateway-key';

interface Props {
  /** The groups Undo would not restore exactly, each with why. */
  lost: ReadonlyArray<{ group: Group; reason: string }>;
  /** All the groups of the delete: with one, it is "this group". */
  total: number;
}

/**
 * Before a delete: exactly which groups Undo would not bring back, and why. They are left out of
 * Undo altogether, so no Undo ever pushes back part of a group.
 */
export function UndoLosses({ lost, total }: Props) {
  if (lost.length === 0) return null;
  const only = total === 1;
  return (
    <div
      role="note"
      aria-label="What Undo cannot restore"
      className="mt-3 rounded border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 p-2 text-amber-900 dark:text-amber-100"
    >
      <p>
        {only
          ? 'This group cannot be restored by Undo:'
          : `${lost.length === total ? 'None of these groups' : `${lost.length} of these groups`} can be restored by Undo:`}
      </p>
      <ul className="mt-1 space-y-1 text-xs [overflow-wrap:anywhere]">
        {lost.map(({ group, reason }) => (
          <li key={group.key}>
            {!only && <code className="font-mono">{groupTitle(group)}</code>}
            {!only && ': '}
            {reason}.
          </li>
        ))}
      </ul>
    </div>
  );
}
