import type { HistogramSample, NativeHistogramSample } from '../../core/metrics-types';
import {
  average,
  classicBucketCounts,
  classicQuantile,
  nativeQuantile,
  SHOWN_QUANTILES,
} from '../../core/histogram-stats';
import { parseGoFloat } from '../../core/values';
import { Value } from '../components/Value';
import { Tip } from '../components/Tip';
import { formatBucketRange, Note, SeriesHeader, copySeries, type SeriesProps } from './SampleTables';

const cell = 'px-1.5 py-0 text-center font-mono text-xs tabular-nums whitespace-nowrap';
const rowHead = 'pr-2 text-left text-xs font-medium whitespace-nowrap text-slate-500 dark:text-slate-400';

/** The average and the quantiles Prometheus would estimate, after count and sum. */
function Estimates({ sample, quantile }: { sample: { sum: string; count: string }; quantile: (q: number) => number }) {
  const items: Array<[string, number, string]> = [
    ['avg', average(sample), 'sum / count'],
    ...SHOWN_QUANTILES.map(
      (q) =>
        [`p${q * 100}`, quantile(q), `histogram_quantile(${q}, …) as Prometheus estimates it from these buckets`] as [
          string,
          number,
          string,
        ],
    ),
  ];
  return (
    <>
      {items.map(([name, value, how]) => (
        <span key={name} className="whitespace-nowrap" title={how}>
          <span className="text-slate-500 dark:text-slate-400">{name}</span> <Value raw={String(value)} />
        </span>
      ))}
    </>
  );
}

/** A bar whose height is this bucket's share of the fullest bucket. */
function Bar({ count, max }: { count: number; max: number }) {
  const share = max > 0 && count > 0 ? Math.max(0.06, count / max) : 0;
  return (
    <span aria-hidden="true" className="flex h-6 items-end justify-center">
      <span
        className="w-3 rounded-t-sm bg-teal-600 dark:bg-teal-400"
        style={{ height: `${Math.round(share * 100)}%` }}
      />
    </span>
  );
}

/**
 * The buckets side by side, one column each: the bound(s) above, the observations in that bucket
 * alone drawn as a bar and written under it, and (classic) the cumulative count the gateway holds.
 */
function BucketColumns({
  caption,
  corner,
  heads,
  counts,
  cumulative,
}: {
  caption: string;
  corner: string;
  heads: readonly string[];
  counts: readonly number[];
  cumulative?: readonly string[];
}) {
  const max = Math.max(0, ...counts.filter(Number.isFinite));
  return (
    <table>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="row" className={rowHead}>
            {corner}
          </th>
          {heads.map((h, i) => (
            <th key={i} scope="col" className={`${cell} font-medium text-slate-600 dark:text-slate-300`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className={rowHead}>
            In bucket
          </th>
          {counts.map((c, i) => (
            <td key={i} className={cell}>
              <Bar count={c} max={max} />
              <Value raw={String(c)} />
            </td>
          ))}
        </tr>
        {cumulative && (
          <tr>
            <th scope="row" className={rowHead}>
              Cumulative
            </th>
            {cumulative.map((c, i) => (
              <td key={i} className={`${cell} text-slate-500 dark:text-slate-400`}>
                <Value raw={c} />
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function HistogramTables({ samples, name, groupLabels }: SeriesProps<HistogramSample>) {
  return samples.map((s, i) => (
    <div key={i}>
      <SeriesHeader
        labels={s.labels}
        count={s.count}
        sum={s.sum}
        copy={copySeries(`${name}_bucket`, s.labels, groupLabels)}
        table={
          s.buckets.length > 0 && (
            <BucketColumns
              caption={`Buckets of ${name}`}
              corner="le"
              heads={s.buckets.map(([le]) => le)}
              counts={classicBucketCounts(s).map((b) => b.count)}
              cumulative={s.buckets.map(([, c]) => c)}
            />
          )
        }
      >
        {s.buckets.length > 0 && <Estimates sample={s} quantile={(q) => classicQuantile(q, s.buckets)} />}
      </SeriesHeader>
      {s.buckets.length === 0 && (
        <Note>
          {s.count === '0'
            ? 'No buckets.'
            : 'No buckets: gateways before 1.8 return a native histogram like this, with its count and sum only.'}
        </Note>
      )}
    </div>
  ));
}

export function NativeHistogramTables({ samples, name, groupLabels }: SeriesProps<NativeHistogramSample>) {
  return samples.map((s, i) => (
    <div key={i}>
      <SeriesHeader
        labels={s.labels}
        count={s.count}
        sum={s.sum}
        copy={copySeries(name, s.labels, groupLabels)}
        table={
          s.buckets.length > 0 && (
            <BucketColumns
              caption={`Native histogram buckets of ${name}`}
              corner="Bucket"
              heads={s.buckets.map(formatBucketRange)}
              counts={s.buckets.map((b) => parseGoFloat(b.count))}
            />
          )
        }
      >
        <Estimates sample={s} quantile={(q) => nativeQuantile(q, s)} />
        <NativeOnly />
      </SeriesHeader>
      {s.buckets.length === 0 && <Note>No observations in any bucket.</Note>}
    </div>
  ));
}

/** Said once per native histogram, in full on hover or focus. */
function NativeOnly() {
  return (
    <Tip tip="Native buckets only: if this histogram has classic buckets too, the gateway (1.10 and newer) does not show them.">
      <span className="text-xs text-slate-500 dark:text-slate-400">native buckets only</span>
    </Tip>
  );
}
