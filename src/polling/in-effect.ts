import { formatCount } from '../lib/format';
import { formatWait, type Pace } from '../data';

/**
 * The interval in effect beside the one chosen, and why it differs: the gateway is slow or
 * refused, the tab is hidden, or the poll is shared with other tabs (whose shortest choice wins).
 * Undefined when there is nothing to add to the chosen interval.
 */
export function inEffect({
  pace,
  chosenMs,
  tabs = 1,
  hidden,
}: {
  pace: Pace | undefined;
  chosenMs: number;
  /** Tabs sharing the poll, this one included (1 when not shared). */
  tabs?: number;
  hidden: boolean;
}): string | undefined {
  const shared = tabs > 1 ? `shared by ${formatCount(tabs)} tabs` : undefined;
  // Hidden and alone (or every sharing tab hidden too): no polls until a tab shows again.
  if (!pace || (hidden && tabs <= 1)) return hidden ? 'Not polling while hidden' : undefined;
  const every = `${pace.reason === 'retry-after' || pace.reason === 'backoff' ? 'Next poll in' : 'Polling every'} ${formatWait(pace.delayMs)}`;
  const why: string[] = [];
  if (pace.reason === 'slow') why.push('gateway slow');
  else if (pace.reason !== 'chosen') why.push('gateway refused');
  else if (pace.delayMs < chosenMs) why.push(`another tab chose ${formatWait(pace.delayMs)}`);
  if (shared) why.push(shared);
  if (hidden) why.push('this tab hidden');
  return why.length ? `${every}: ${why.join(', ')}` : undefined;
}
