import { useCallback, useMemo } from 'react';
import { useUrlParam, useUrlParams, writeParams } from '../../lib/useUrlParam';

/**
 * Which job rows show their groups, in the URL like the filter: `?jobs=open` or `?jobs=closed`
 * (expand all, collapse all), and `?job=NAME` (repeated) for the jobs toggled against that. With
 * neither, `defaultOpen` decides (see GroupsPage: the overview when there are many groups and no
 * filter). A toggle writes the base it was made against, so a later change of the default never
 * turns it round.
 */
export function useJobsOpen(defaultOpen: boolean) {
  const [base] = useUrlParam('jobs');
  const [flipped] = useUrlParams('job');
  const allOpen = base === 'open' ? true : base === 'closed' ? false : defaultOpen;
  const flippedSet = useMemo(() => new Set(flipped), [flipped]);
  const isOpen = useCallback((id: string) => allOpen !== flippedSet.has(id), [allOpen, flippedSet]);
  const toggle = useCallback(
    (id: string) =>
      writeParams(
        {
          jobs: [allOpen ? 'open' : 'closed'],
          job: flippedSet.has(id) ? flipped.filter((j) => j !== id) : [...flipped, id],
        },
        { push: true },
      ),
    [allOpen, flipped, flippedSet],
  );
  const setOpen = useCallback(
    (id: string, open: boolean) => {
      if (isOpen(id) !== open) toggle(id);
    },
    [isOpen, toggle],
  );
  const setAll = useCallback(
    (open: boolean) => writeParams({ jobs: [open ? 'open' : 'closed'], job: [] }, { push: true }),
    [],
  );
  return { isOpen, toggle, setOpen, setAll };
}

export type JobsOpen = ReturnType<typeof useJobsOpen>;
