import { useMemo } from 'react';
import type { Group } from '../../../core/metrics-types';
import { formatSpan } from '../../../core/prune';
import { useCadence, type CadenceView } from '../../health/api';
import { useJobStrip } from '../../health/history-api';
import { PushStrip } from '../../health/PushStrip';
import { countOf, formatAge, formatExactTime } from '../../lib/format';
import { useTimeZone } from '../../lib/time-zone';
import { useNow } from '../../lib/useNow';
import { useCleanup } from '../cleanup/CleanupContext';
import { GatewayChip } from '../GatewayMarks';
import type { JobSection } from './sections';
import { StateCountMarks } from './StateCountMarks';

interface Props {
  section: JobSection;
  open: boolean;
  onToggle: (id: string) => void;
  selected: ReadonlySet<string>;
  /** The counts are not known yet: the whole snapshot has not arrived. */
  loading: boolean;
  /** In the list arranged by gateway: one level down, under the gateway's heading. */
  nested: boolean;
}

/**
 * A job's row in the overview: its name (a button that opens its groups in place), its groups by
 * state, its newest and oldest push and usual interval, and "select all in this job". ← and →
 * on the button fold and open it.
 */
export function JobRow({ section, open, onToggle, selected, loading, nested }: Props) {
  const [zone] = useTimeZone();
  const Heading = nested ? 'h3' : 'h2';
  const { readOnly, setSelected } = useCleanup();
  const now = useNow();
  const keys = section.groups.map((g) => g.key);
  const chosen = keys.reduce((n, k) => n + (selected.has(k) ? 1 : 0), 0);
  const { counts } = section;
  const name = section.job || '(unreadable)';
  const where = section.gateway !== undefined ? ` on ${section.gateway}` : '';
  const strip = useJobStrip(section.id);
  const cadence = useCadence();
  const next = useMemo(() => nextExpected(section.groups, cadence), [section.groups, cadence]);
  return (
    <div
      data-job-row={section.id}
      className={`flex flex-wrap items-center gap-x-3 gap-y-0.5 rounded-md border bg-slate-100/95 px-2 py-1 backdrop-blur-sm dark:bg-slate-800/95 ${counts.attention > 0 && !loading ? 'border-rose-300 dark:border-rose-800' : 'border-slate-200 dark:border-slate-700'}`}
    >
      <Heading className="min-w-0 text-sm font-semibold text-slate-800 dark:text-slate-100">
        <button
          type="button"
          aria-expanded={open}
          data-row-toggle={`job:${section.id}`}
          onClick={() => onToggle(section.id)}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowRight' && !open) || (e.key === 'ArrowLeft' && open)) {
              e.preventDefault();
              onToggle(section.id);
            }
          }}
          className="inline-flex max-w-full items-baseline gap-1.5 rounded px-1 text-left hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-slate-700"
        >
          <span aria-hidden="true" className={`inline-block w-3 transition-transform ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          <span className="text-xs font-normal tracking-wide text-slate-600 uppercase dark:text-slate-300">job</span>{' '}
          <bdi className="truncate font-mono">{name}</bdi>{' '}
          <span className="font-normal whitespace-nowrap text-slate-600 dark:text-slate-300">
            {countOf(section.groups.length, 'group', 'groups')}
          </span>
        </button>
      </Heading>
      {section.gateway !== undefined && <GatewayChip gateway={section.gateway} />}
      <StateCountMarks counts={counts} loading={loading} />
      <span className="ml-auto inline-flex items-center gap-3">
        {!loading && counts.newest > 0 && (
          <span
            className="text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-300"
            title={`Newest push ${formatExactTime(counts.newest * 1000, zone)}, oldest ${formatExactTime(counts.oldest * 1000, zone)}`}
          >
            newest {formatAge(counts.newest * 1000, now)}
            {counts.oldest !== counts.newest && `, oldest ${formatAge(counts.oldest * 1000, now)}`}
            {counts.usual !== null && ` · usually every ${formatSpan(counts.usual)}`}
          </span>
        )}
        {strip && strip.length > 0 && (
          <span className="hidden w-[120px] sm:inline-flex">
            <PushStrip
              pushes={strip}
              rhythm={next}
              nowSeconds={now / 1000}
              width={120}
              height={20}
              subject={`Job ${name}${where}: last`}
            />
          </span>
        )}
        {!readOnly && (
          <input
            type="checkbox"
            aria-label={`Select all in job ${section.job}${where}`}
            title={`Select all in job ${section.job}${where}`}
            checked={chosen === keys.length}
            ref={(el) => {
              if (el) el.indeterminate = chosen > 0 && chosen < keys.length;
            }}
            onChange={(e) => setSelected(keys, e.target.checked)}
            className="size-4 accent-teal-700"
          />
        )}
      </span>
    </div>
  );
}

/**
 * The job's next expected push: the soonest of its groups' (by their learned or written rhythm),
 * with that group's lateness limit, so the ring turns fuchsia once the job has a late group due first.
 */
function nextExpected(groups: readonly Group[], cadence: CadenceView | undefined) {
  if (!cadence) return null;
  let next: { nextDue: number; lateAt: number } | null = null;
  for (const g of groups) {
    const r = cadence.rhythms.get(g.key);
    if (r && (next === null || r.nextDue < next.nextDue)) next = { nextDue: r.nextDue, lateAt: r.lateAt };
  }
  return next;
}
