import { useRef } from 'react';

/**
 * The value from the last render while `same` says nothing changed, else the new one. The page's
 * clock ticks every 5 s and each tick recomputes which groups are stale, due or overdue; that
 * rarely changes, and handing the list the same object then spares re-filtering, re-sorting and
 * re-counting every group for nothing.
 */
export function useSteady<T>(value: T, same: (a: T, b: T) => boolean): T {
  const last = useRef(value);
  // A memo read and written in render on purpose (as use-memo-one does): a render React throws
  // away can only leave behind a value equal to what it would return, so nothing shows wrong.
  /* eslint-disable react-hooks/refs */
  if (last.current !== value && !same(last.current, value)) last.current = value;
  return last.current;
  /* eslint-enable react-hooks/refs */
}

/** The same items in the same order (the same objects). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Both absent, or sets of the same members. */
export function sameMembers<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
