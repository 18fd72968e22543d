import type { MetricType } from '../gateway/metrics-types';

const colours: Record<MetricType, string> = {
  COUNTER: 'bg-sky-100 dark:bg-sky-900 text-sky-900 dark:text-sky-200',
  GAUGE: 'bg-emerald-100 dark:bg-emerald-900 text-emerald-900 dark:text-emerald-200',
  UNTYPED: 'bg-slate-200 dark:bg-slate-700 text-slate-800 dark:text-slate-100',
  SUMMARY: 'bg-violet-100 dark:bg-violet-900 text-violet-900 dark:text-violet-200',
  HISTOGRAM: 'bg-amber-100 dark:bg-amber-900 text-amber-900 dark:text-amber-200',
  GAUGE_HISTOGRAM: 'bg-orange-100 dark:bg-orange-900 text-orange-900 dark:text-orange-200',
};

export function TypeBadge({ type }: { type: MetricType }) {
  return (
    <span className={`rounded px-1.5 py-0.5 font-mono text-[0.7rem] font-semibold tracking-wide ${colours[type]}`}>
      <span className="sr-only">type </span>
      {type.toLowerCase()}
    </span>
  );
}
