import type { MetricType } from '../../core/metrics-types';

// No green, amber or red: those mean fresh, stale and failed (components/state.tsx).
const colours: Record<MetricType, string> = {
  COUNTER: 'bg-sky-100 dark:bg-sky-900 text-sky-900 dark:text-sky-200',
  GAUGE: 'bg-indigo-100 dark:bg-indigo-900 text-indigo-900 dark:text-indigo-200',
  UNTYPED: 'bg-slate-200 dark:bg-slate-700 text-slate-800 dark:text-slate-100',
  SUMMARY: 'bg-violet-100 dark:bg-violet-900 text-violet-900 dark:text-violet-200',
  HISTOGRAM: 'bg-fuchsia-100 dark:bg-fuchsia-900 text-fuchsia-900 dark:text-fuchsia-200',
  GAUGE_HISTOGRAM: 'bg-pink-100 dark:bg-pink-900 text-pink-900 dark:text-pink-200',
};

export function TypeBadge({ type }: { type: MetricType }) {
  return (
    <span className={`rounded px-1.5 py-0.5 font-mono text-[0.7rem] font-semibold tracking-wide ${colours[type]}`}>
      <span className="sr-only">type </span>
      {type.toLowerCase()}
    </span>
  );
}
