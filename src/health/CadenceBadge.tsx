import type { Group } from '../../core/metrics-types';
import { useNow } from '../lib/useNow';
import { useCadence } from './api';
import { cadenceNote } from './overdue';

/**
 * Overdue has a look of its own, apart from stale (amber), failed (red) and pruning (violet):
 * fuchsia, with an hourglass (as text, not an emoji), so colour is never the only signal.
 */
export const OVERDUE_MARK = '⌛\uFE0E';
export const OVERDUE_TEXT = 'text-fuchsia-800 dark:text-fuchsia-300';
/** A filled badge. */
export const OVERDUE_BADGE = 'bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-900 dark:text-fuchsia-100';
export const OVERDUE_PRESSED =
  'aria-pressed:border-fuchsia-600 aria-pressed:bg-fuchsia-50 dark:aria-pressed:bg-fuchsia-950';

/** `Overdue: usually every 1h, last push 3h 10m ago`, or a quiet `usually every 1h`. */
export function CadenceBadge({ group }: { group: Group }) {
  const cadence = useCadence();
  const now = useNow();
  const note = cadenceNote(group, cadence, now);
  if (!note) return null;
  if (!note.overdue)
    return (
      <span className="text-xs text-slate-600 dark:text-slate-300 whitespace-nowrap">
        {note.due ? `${note.usual}, ${note.due}` : note.usual}
      </span>
    );
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${OVERDUE_BADGE}`}>
      <span aria-hidden="true">{OVERDUE_MARK}</span>
      <span>{note.text}</span>
    </span>
  );
}
