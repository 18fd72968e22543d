import type { ReactNode } from 'react';
import type { Labels, NativeBucket, Sample } from '../../core/metrics-types';
import { Value } from '../components/Value';
import { CopyButton } from '../components/CopyButton';
import { DateAndAge } from '../components/TimeAgo';
import { LabelPairs } from './LabelPairs';
import { seriesText } from '../gateway/series';
import { timestampMs } from './timestamps';

const td = 'px-2 py-0.5 align-top';

/** `groupLabels` complete each sample's own labels into the series Prometheus stores. */
export type SeriesProps<S> = { samples: readonly S[]; name: string; groupLabels: Labels };

export const copySeries = (name: string, labels: Labels, groupLabels: Labels) => (
  <CopyButton compact label="Copy series" text={seriesText(name, { ...groupLabels, ...labels })} />
);

/**
 * Counters, gauges, untyped: one row per series (the column heads are for screen readers only).
 * A gauge named as a time (`…_timestamp_seconds`, `…_time_seconds`, `…_timestamp`) shows as a
 * date in the reader's zone and its age, the exact value on hover.
 */
export function ValueTable({
  samples,
  name,
  groupLabels,
  asTime = false,
  inline = false,
}: SeriesProps<Extract<Sample, { kind: 'value' }>> & { asTime?: boolean; inline?: boolean }) {
  return (
    <table className={inline ? 'ml-auto shrink-0 text-sm' : 'w-full text-sm'}>
      <caption className="sr-only">Samples of {name}</caption>
      <thead className="sr-only">
        <tr>
          {!inline && <th>Labels</th>}
          <th>Value</th>
          <th>Copy</th>
        </tr>
      </thead>
      <tbody>
        {samples.map((s, i) => {
          const ms = asTime ? timestampMs(name, s.value) : null;
          return (
            <tr key={i} className="border-t border-slate-100 first:border-t-0 dark:border-slate-800">
              {!inline && (
                <td className={td}>
                  <LabelPairs labels={s.labels} />
                </td>
              )}
              <td className={`${td} text-right`}>
                {ms !== null ? (
                  <span className="inline-flex flex-wrap justify-end gap-x-2">
                    <DateAndAge ms={ms} />
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      <Value raw={s.value} />
                    </span>
                  </span>
                ) : (
                  <Value raw={s.value} />
                )}
              </td>
              <td className={`${td} w-0 text-right`}>{copySeries(name, s.labels, groupLabels)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * One series of a summary or histogram: its labels, copy, count, sum and `children` on a line,
 * with `table` beside them where it fits and under them where it does not.
 */
export function SeriesHeader({
  labels,
  count,
  sum,
  copy,
  children,
  table,
}: {
  labels: Labels;
  count: string;
  sum: string;
  copy: ReactNode;
  children?: ReactNode;
  table?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-0.5 text-sm">
      <LabelPairs labels={labels} empty={null} />
      {copy}
      <span className="whitespace-nowrap">
        <span className="text-slate-500 dark:text-slate-400">count</span> <Value raw={count} />
      </span>
      <span className="whitespace-nowrap">
        <span className="text-slate-500 dark:text-slate-400">sum</span> <Value raw={sum} />
      </span>
      {children}
      {table && <div className="max-w-full overflow-x-auto">{table}</div>}
    </div>
  );
}

const cell = 'px-2 py-0 text-right font-mono text-xs tabular-nums whitespace-nowrap';
const rowHead = 'pr-2 text-left text-xs font-medium whitespace-nowrap text-slate-500 dark:text-slate-400';

/** A summary's quantiles side by side: two rows however many quantiles it has. */
export function SummaryTables({ samples, name, groupLabels }: SeriesProps<Extract<Sample, { kind: 'summary' }>>) {
  return samples.map((s, i) => (
    <SeriesHeader
      key={i}
      labels={s.labels}
      count={s.count}
      sum={s.sum}
      copy={copySeries(name, s.labels, groupLabels)}
      table={
        s.quantiles.length > 0 && (
          <table>
            <caption className="sr-only">Quantiles of {name}</caption>
            <thead>
              <tr>
                <th scope="row" className={rowHead}>
                  Quantile
                </th>
                {s.quantiles.map(([q]) => (
                  <th key={q} scope="col" className={`${cell} font-medium text-slate-600 dark:text-slate-300`}>
                    {q}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className={rowHead}>
                  Value
                </th>
                {s.quantiles.map(([q, v]) => (
                  <td key={q} className={cell}>
                    <Value raw={v} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        )
      }
    />
  ));
}

export const Note = ({ children }: { children: ReactNode }) => (
  <p className="text-sm text-slate-500 dark:text-slate-400">{children}</p>
);

/** `(0.125, 0.25]`: the bracket on each side says whether that end is inclusive. */
export function formatBucketRange(b: NativeBucket): string {
  const open = b.rule === 1 || b.rule === 3 ? '[' : '(';
  const close = b.rule === 0 || b.rule === 3 ? ']' : ')';
  // Raw bounds: they are short powers of the schema's base, and grouping commas would read as separators.
  return `${open}${b.lower}, ${b.upper}${close}`;
}
