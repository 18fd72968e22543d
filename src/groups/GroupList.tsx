import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Group } from '../../core/metrics-types';
import { GroupCard } from './GroupCard';
import { JobHeader } from './JobHeader';
import type { JobSection } from '../../core/order';
import { useListKeyboard } from './find/useListKeyboard';

type Row = { kind: 'job'; key: string; section: JobSection } | { kind: 'group'; key: string; group: Group };

interface Props {
  /** The groups to show, in order. */
  groups: readonly Group[];
  /** Arrange under job headings (the default order), or as one flat list. */
  byJob: boolean;
  staleKeys: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  open: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

function toRows(groups: readonly Group[], byJob: boolean): Row[] {
  if (!byJob) return groups.map((g) => ({ kind: 'group', key: g.key, group: g }));
  const rows: Row[] = [];
  let section: JobSection | undefined;
  for (const g of groups) {
    if (!section || section.job !== g.job) {
      section = { job: g.job, groups: [] };
      rows.push({ kind: 'job', key: `job:${g.job}`, section });
    }
    section.groups.push(g);
    rows.push({ kind: 'group', key: g.key, group: g });
  }
  return rows;
}

/** The list, virtualised: only the rows on screen (and a few around) are in the page. */
export const GroupList = memo(function GroupList({ groups, byJob, staleKeys, selected, open, onToggle }: Props) {
  const rows = useMemo(() => toRows(groups, byJob), [groups, byJob]);
  const listRef = useRef<HTMLDivElement>(null);
  // Where the list starts on the page, for the window virtualiser's arithmetic.
  const [scrollMargin, setScrollMargin] = useState(0);
  // Every render: the toolbar above can change height; setting the same value is a no-op.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
    if (top !== scrollMargin) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => (rows[i]?.kind === 'job' ? 52 : 58),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
    scrollMargin,
  });
  useListKeyboard(rows, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
  const items = virtualizer.getVirtualItems();

  // Rows change height when expanded or folded: measureElement watches each row with a
  // ResizeObserver and measures it again. (Calling virtualizer.measure() here instead threw away
  // every row's measured height, so an open row already on screen fell back to its estimate and the
  // rows below were drawn over it.)

  return (
    <div ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute top-0 left-0 w-full pb-2"
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {row.kind === 'job' ? (
              <JobHeader section={row.section} selected={selected} />
            ) : (
              <GroupCard
                group={row.group}
                stale={staleKeys.has(row.key)}
                selected={selected.has(row.key)}
                expanded={open.has(row.key)}
                onToggle={onToggle}
                showJob={!byJob}
              />
            )}
          </div>
        );
      })}
    </div>
  );
});
