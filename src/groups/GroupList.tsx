import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Duplicate } from '../../core/duplicates';
import type { Group } from '../../core/metrics-types';
import { GroupCard } from './GroupCard';
import { GatewayHeader } from './GatewayHeader';
import { JobRow } from './jobs/JobRow';
import type { JobOrder } from './jobs/sections';
import { toRows, type Arrangement, type Row } from './rows';
import type { StateContext } from './states';
import { useListKeyboard } from './find/useListKeyboard';

interface Props {
  /** The groups to show, in job order (or the chosen sort's, with `flat`). */
  groups: readonly Group[];
  /** Under job rows (the default order), under gateway headings then job rows, or as one flat list. */
  arrangement: Arrangement;
  /** Judges states for the rows' marks and the job rows' counts. */
  ctx: StateContext;
  /** The whole snapshot has not arrived: job rows say their counts are still to come. */
  loading: boolean;
  jobOrder: JobOrder;
  /** Whether a job row shows its groups, and how to change that. */
  isJobOpen: (id: string) => boolean;
  onToggleJob: (id: string) => void;
  staleKeys: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  open: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** With several gateways: for each group whose grouping key others hold too, those others. */
  duplicates?: ReadonlyMap<string, readonly Duplicate[]> | null;
  compact: boolean;
}

const ESTIMATE = { comfortable: { gateway: 60, job: 40, group: 58 }, compact: { gateway: 56, job: 32, group: 20 } };
/** The sticky job row's height: a row scrolled to stays clear of it. */
const STICKY_PX = 36;

/**
 * The row that sticks at the top when `first` is the first row on screen: the job row above it
 * whose groups are open (-1 for none, or when the job row itself is first on screen).
 */
function stickyFor(rows: readonly Row[], first: number | undefined): number {
  if (first === undefined) return -1;
  for (let i = first; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === 'gateway') return -1;
    if (row?.kind === 'job') return row.open && i < first ? i : -1;
  }
  return -1;
}

/**
 * The list, virtualised: only the rows on screen (and a few around) are in the page. The row of
 * the job whose groups are at the top of the screen stays there (sticky) while they scroll beneath.
 */
export const GroupList = memo(function GroupList(props: Props) {
  const { groups, arrangement, ctx, loading, jobOrder, isJobOpen, onToggleJob, compact } = props;
  const countsCtx = loading ? null : ctx;
  const rows = useMemo(
    () => toRows(groups, { arrangement, ctx: countsCtx, order: jobOrder, isOpen: isJobOpen }),
    [groups, arrangement, countsCtx, jobOrder, isJobOpen],
  );
  const listRef = useRef<HTMLDivElement>(null);
  // Where the list starts on the page, for the window virtualiser's arithmetic.
  const [scrollMargin, setScrollMargin] = useState(0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const at = stickyFor(rows, range.startIndex);
      const indexes = defaultRangeExtractor(range);
      return at >= 0 && !indexes.includes(at) ? [at, ...indexes] : indexes;
    },
    [rows],
  );
  const estimate = ESTIMATE[compact ? 'compact' : 'comfortable'];
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => estimate[rows[i]?.kind ?? 'group'],
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: compact ? 12 : 6,
    scrollMargin,
    scrollPaddingStart: STICKY_PX,
    rangeExtractor,
  });
  // Every render but a scroll's: the toolbar above can change height; setting the same value is a
  // no-op. Reading the list's place forces a layout, and during a scroll it cannot have moved
  // (the render after the scroll ends reads it again): read in every scroll frame it was a third
  // of the frame's main-thread time at 10,000 groups.
  const scrolling = virtualizer.isScrolling;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (scrolling) return;
    const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
    if (top !== scrollMargin) setScrollMargin(top);
  });
  useListKeyboard(rows, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
  const items = virtualizer.getVirtualItems();
  const sticky = stickyFor(rows, virtualizer.range?.startIndex);

  // Rows change height when expanded or folded: measureElement watches each row with a
  // ResizeObserver and measures it again. (Calling virtualizer.measure() here instead threw away
  // every row's measured height, so an open row already on screen fell back to its estimate and the
  // rows below were drawn over it.)

  return (
    <div ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index]!;
        const isSticky = item.index === sticky;
        return (
          <div
            key={item.key}
            data-index={item.index}
            ref={isSticky ? undefined : virtualizer.measureElement}
            className={`${isSticky ? 'sticky top-0 z-20' : 'absolute top-0 left-0'} w-full ${row.kind === 'group' && compact ? '' : 'pb-1.5'} ${row.kind === 'job' ? 'pt-1' : ''}`}
            style={isSticky ? undefined : { transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <RowView row={row} {...props} onToggleJob={onToggleJob} />
          </div>
        );
      })}
    </div>
  );
});

function RowView({ row, ...p }: Props & { row: Row }) {
  if (row.kind === 'gateway') return <GatewayHeader section={row.section} loading={p.loading} />;
  if (row.kind === 'job')
    return (
      <JobRow
        section={row.section}
        open={row.open}
        onToggle={p.onToggleJob}
        selected={p.selected}
        loading={p.loading}
        nested={row.gateway !== undefined}
      />
    );
  return (
    <GroupCard
      group={row.group}
      stale={p.staleKeys.has(row.key)}
      selected={p.selected.has(row.key)}
      expanded={p.open.has(row.key)}
      onToggle={p.onToggle}
      showJob={p.arrangement === 'flat'}
      duplicates={p.duplicates?.get(row.key)}
      compact={p.compact}
      stateContext={p.compact ? p.ctx : undefined}
    />
  );
}
