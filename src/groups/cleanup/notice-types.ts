import type { Group } from '../../../core/metrics-types';
import { groupTitle } from '../../../core/gateway-key';
import type { Failure } from './api';
import type { UndoCopies } from './undo-copy';
import { formatCount } from '../../lib/format';

/** What happened, before it gets its id. */
export type NewNotice =
  // copies: what Undo pushes back for each group (see undo-copy.ts).
  | { kind: 'deleted'; groups: Group[]; copies: UndoCopies }
  // kept: groups pushed again since the delete, left with their new data.
  | { kind: 'restored'; groups: Group[]; kept: Group[] }
  | { kind: 'wiped'; count: number; gateway?: string }
  // copies: for a failed restore, what its Retry pushes back.
  | {
      kind: 'failed';
      action: 'delete' | 'restore' | 'wipe';
      failures: Failure[];
      message?: string;
      copies?: UndoCopies;
    };

export type Notice = NewNotice & { id: number };

/** How long a notice (and so its Undo) stays: well past the 10 s a person needs to react. */
export const NOTICE_MS = 20_000;

/** How many successes stay in view; older ones fold into one line. Failures stay until dismissed. */
export const SHOWN_SUCCESSES = 3;

/** What a notice's Undo restores, for its accessible name: `{job="a"}` (`… on eu-1`) or `3 groups`. */
export const what = (groups: readonly Group[]) =>
  groups.length === 1 ? groupTitle(groups[0]!) : `${formatCount(groups.length)} groups`;

/** Which notices are in view: every failure, and the newest successes. */
export function foldNotices(notices: readonly Notice[], shown = SHOWN_SUCCESSES): Set<number> {
  const successes = notices.filter((n) => n.kind !== 'failed');
  return new Set(successes.slice(0, Math.max(0, successes.length - shown)).map((n) => n.id));
}
