import { useEffect, useRef } from 'react';
import { useGlobalKeydown } from '../../lib/useGlobalKeydown';

const isFromFilter = (e: KeyboardEvent) =>
  e.key === 'ArrowDown' && e.target instanceof Element && e.target.matches('[data-list-entry]');

interface Row {
  kind: string;
  key: string;
}

/** The toggle button of a group's card or a job row (by row key), if it is on the page. */
function toggleOf(key: string): HTMLButtonElement | undefined {
  return [...document.querySelectorAll<HTMLButtonElement>('[data-row-toggle]')].find(
    (b) => b.dataset.rowToggle === key,
  );
}

/** The row a key press came from: a group's card or a job row. */
const rowOf = (target: HTMLElement) => target.closest('article, [data-job-row]');

/**
 * j / k (anywhere but a text field) and ↓ / ↑ (on a row) move between job rows and groups,
 * scrolling the virtual list so the next one exists, then focusing its toggle; Enter on it
 * expands. ↓ in the filter box (marked `data-list-entry`) moves to the first group.
 */
export function useListKeyboard(rows: readonly Row[], scrollTo: (index: number) => void) {
  const latest = useRef({ rows, scrollTo });
  // The group a move is on its way to: keys pressed before its focus lands count from there.
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    latest.current = { rows, scrollTo };
  });
  useGlobalKeydown(
    (e) => {
      const target = e.target as HTMLElement;
      const fromFilter = isFromFilter(e);
      const onGroup = !!rowOf(target);
      const step =
        fromFilter || e.key === 'j' || (onGroup && e.key === 'ArrowDown')
          ? 1
          : e.key === 'k' || (onGroup && e.key === 'ArrowUp')
            ? -1
            : 0;
      if (!step) return;
      const { rows, scrollTo } = latest.current;
      const currentKey = fromFilter
        ? undefined
        : (pending.current ??
          (rowOf(target)?.querySelector('[data-row-toggle]') as HTMLElement | null)?.dataset.rowToggle);
      let index = currentKey ? rows.findIndex((r) => r.key === currentKey) : -1;
      do index += step;
      while (
        // ↓ from the filter box goes to the first group found; j and k visit job rows too.
        index >= 0 &&
        index < rows.length &&
        rows[index]!.kind !== 'group' &&
        (fromFilter || rows[index]!.kind === 'gateway')
      );
      if (index < 0 || index >= rows.length) {
        if (currentKey) e.preventDefault();
        return;
      }
      e.preventDefault();
      const key = rows[index]!.key;
      pending.current = key;
      scrollTo(index);
      // The row may only exist after the list re-renders: try for a few frames.
      let tries = 0;
      const focus = () => {
        if (pending.current !== key) return; // a later key press took over
        const button = toggleOf(key);
        if (button) button.focus();
        if (button || tries++ >= 10) pending.current = undefined;
        else requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
    },
    // ↓ in the filter box goes on to the first group it found.
    { inField: isFromFilter },
  );
}
