import type { Group } from '../../core/metrics-types';
import { plusForSpace } from './quirks';

/**
 * A hint under a group whose grouping key looks like a client's quirk. The labels above it stay
 * exactly as the gateway stores them: this only says what may have been meant.
 */
export function QuirkHint({ group }: { group: Group }) {
  const names = plusForSpace(group.labels);
  if (names.length === 0) return null;
  return (
    <p
      role="note"
      aria-label="Client quirk"
      className="border-t border-sky-200 dark:border-sky-800 bg-sky-50 dark:bg-sky-950 px-4 py-1.5 text-sm text-sky-900 dark:text-sky-100 [overflow-wrap:anywhere]"
    >
      <span aria-hidden="true">ⓘ </span>
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <code className="font-mono">
            {name}="{group.labels[name]}"
          </code>
        </span>
      ))}{' '}
      {names.length === 1 ? 'holds' : 'hold'} "+" where a space was probably meant: some clients (Python's
      prometheus_client, Go's client_golang) send a space in a grouping-key value as "+", and the gateway keeps the "+".
      Shown exactly as stored; pushes that mean the space go to another group.
    </p>
  );
}
