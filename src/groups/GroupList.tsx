import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Duplicate } from '../../core/duplicates';
import type { Group } from '../../core/metrics-types';
import { GroupCard } from './GroupCard';
import { JobHeader } from './JobHeader';
import { GatewayHeader } from './GatewayHeader';
import { toRows, type Arrangement } from './rows';
import { useListKeyboard } from './find/useListKeyboard';

interface Props {
  /** The groups to show, in job order (or the chosen sort's, with `flat`). */
  groups: readonly Group[];
  /** Under job headings (the default order), under gateway then job headings, or as one flat list. */
  arrangement: Arrangement;
  staleKeys: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  open: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** With several gateways: for each group whose grouping key others hold too, those others. */
  duplicates?: ReadonlyMap<string, readonly Duplicate[]> | null;
}

const ESTIMATE: Record<string, number> = { gateway: 60, job: 52, group: 58 };

/** The list, virtualised: only the rows on screen (and a few around) are in the page. */
export const GroupList = memo(function GroupList({
  groups,
  arrangement,
  staleKeys,
  selected,
  open,
  onToggle,
  duplicates,
}: Props) {
  const rows = useMemo(() => toRows(groups, arrangement), [groups, arrangement]);
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
    estimateSize: (i) => ESTIMATE[rows[i]?.kind ?? 'group'] ?? 58,
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
            {row.kind === 'gateway' ? (
              <GatewayHeader section={row.section} />
            ) : row.kind === 'job' ? (
              <JobHeader section={row.section} selected={selected} gateway={row.gateway} />
            ) : (
              <GroupCard
                group={row.group}
                stale={staleKeys.has(row.key)}
                selected={selected.has(row.key)}
                expanded={open.has(row.key)}
                onToggle={onToggle}
                showJob={arrangement === 'flat'}
                duplicates={duplicates?.get(row.key)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
});
