import type { MetricType } from '../gateway/metrics-types';

const colours: Record<MetricType, string> = {
  COUNTER: 'bg-sky-100 text-sky-900',
  GAUGE: 'bg-emerald-100 text-emerald-900',
  UNTYPED: 'bg-slate-200 text-slate-800',
  SUMMARY: 'bg-violet-100 text-violet-900',
  HISTOGRAM: 'bg-amber-100 text-amber-900',
  GAUGE_HISTOGRAM: 'bg-orange-100 text-orange-900',
};

export function TypeBadge({ type }: { type: MetricType }) {
  return (
    <span className={`rounded px-1.5 py-0.5 font-mono text-[0.7rem] font-semibold tracking-wide ${colours[type]}`}>
      <span className="sr-only">type </span>
      {type.toLowerCase()}
    </span>
  );
}
