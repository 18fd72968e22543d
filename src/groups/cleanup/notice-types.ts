import type { Group } from '../../gateway/metrics-types';
import type { Failure } from './api';

/** What happened, before it gets its id. */
export type NewNotice =
  | { kind: 'deleted'; groups: Group[] }
  | { kind: 'restored'; groups: Group[] }
  | { kind: 'wiped'; count: number }
  | { kind: 'failed'; action: 'delete' | 'restore' | 'wipe'; failures: Failure[]; message?: string };

export type Notice = NewNotice & { id: number };

/** How long a notice (and so its Undo) stays: well past the 10 s a person needs to react. */
export const NOTICE_MS = 20_000;
