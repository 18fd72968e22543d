import { STATE_BADGE, STATE_MARK, STATE_PRESSED, STATE_TEXT } from '../components/state';
import { OVERDUE_BADGE, OVERDUE_MARK, OVERDUE_PRESSED, OVERDUE_TEXT } from '../health/CadenceBadge';
import type { RowState, StateFilter } from './states';

/** How a state (or "needs attention") looks and reads: its mark (never colour alone), colours and words. */
export interface StateLook {
  mark: string;
  text: string;
  badge: string;
  pressed: string;
  /** The quick filter's name: "Failed". */
  label: string;
  /** "1 failed", "3 failed". */
  one: string;
  many: string;
}

const MALFORMED = {
  text: 'text-orange-800 dark:text-orange-300',
  badge: 'bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100',
  pressed: 'aria-pressed:border-orange-600 aria-pressed:bg-orange-50 dark:aria-pressed:bg-orange-950',
};

export const STATE_LOOKS: Record<RowState | 'attention', StateLook> = {
  attention: {
    mark: '!',
    text: 'text-rose-800 dark:text-rose-300 font-bold',
    badge: 'bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100',
    pressed: 'aria-pressed:border-rose-600 aria-pressed:bg-rose-50 dark:aria-pressed:bg-rose-950',
    label: 'Needs attention',
    one: 'needs attention',
    many: 'need attention',
  },
  failed: {
    mark: STATE_MARK.failed,
    text: STATE_TEXT.failed,
    badge: STATE_BADGE.failed,
    pressed: STATE_PRESSED.failed,
    label: 'Failed',
    one: 'failed',
    many: 'failed',
  },
  malformed: { mark: '⚠\uFE0E', ...MALFORMED, label: 'Malformed', one: 'malformed', many: 'malformed' },
  overdue: {
    mark: OVERDUE_MARK,
    text: OVERDUE_TEXT,
    badge: OVERDUE_BADGE,
    pressed: OVERDUE_PRESSED,
    label: 'Overdue',
    one: 'overdue',
    many: 'overdue',
  },
  stale: {
    mark: STATE_MARK.stale,
    text: STATE_TEXT.stale,
    badge: STATE_BADGE.stale,
    pressed: STATE_PRESSED.stale,
    label: 'Stale',
    one: 'stale',
    many: 'stale',
  },
  fresh: {
    mark: STATE_MARK.fresh,
    text: STATE_TEXT.fresh,
    badge: STATE_BADGE.fresh,
    pressed: STATE_PRESSED.fresh,
    label: 'Fresh',
    one: 'fresh',
    many: 'fresh',
  },
};

export const lookOf = (state: StateFilter): StateLook => STATE_LOOKS[state];
