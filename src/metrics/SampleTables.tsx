import type { ReactNode } from 'react';
import type { Labels, NativeBucket, Sample } from '../../core/metrics-types';
import { Value } from '../components/Value';
import { CopyButton } from '../components/CopyButton';
import { LabelPairs } from './LabelPairs';
import { seriesText } from '../gateway/series';

const th = 'px-2 py-1 text-left text-xs font-medium text-slate-500 dark:text-slate-400';
const td = 'px-2 py-1 align-top';

/** `groupLabels` complete each sample's own labels into the series Prometheus stores. */
type Props<S> = { samples: readonly S[]; name: string; groupLabels: Labels };

const copySeries = (name: string, labels: Labels, groupLabels: Labels) => (
  <CopyButton compact label="Copy series" text={seriesText(name, { ...groupLabels, ...labels })} />
);

/** Counters, gauges, untyped: one row per series. */
export function ValueTable({ samples, name, groupLabels }: Props<Extract<Sample, { kind: 'value' }>>) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Samples of {name}</caption>
      <thead>
        <tr>
          <th className={th}>Labels</th>
          <th className={`${th} text-right`}>Value</th>
          <th className={th}>
            <span className="sr-only">Copy</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {samples.map((s, i) => (
          <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
            <td className={td}>
              <LabelPairs labels={s.labels} />
            </td>
            <td className={`${td} text-right`}>
              <Value raw={s.value} />
            </td>
            <td className={`${td} w-0 text-right`}>{copySeries(name, s.labels, groupLabels)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SeriesHeader({ labels, count, sum, copy }: { labels: Labels; count: string; sum: string; copy: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <LabelPairs labels={labels} empty={null} />
      {copy}
      <span>
        count <Value raw={count} />
      </span>
      <span>
        sum <Value raw={sum} />
      </span>
    </div>
  );
}

function PairTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: [string, string];
  rows: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <table className="mt-1 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th className={th}>{head[0]}</th>
          <th className={`${th} text-right`}>{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k} className="border-t border-slate-100 dark:border-slate-800">
            <td className={`${td} font-mono`}>{k}</td>
            <td className={`${td} text-right`}>
              <Value raw={v} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SummaryTables({ samples, name, groupLabels }: Props<Extract<Sample, { kind: 'summary' }>>) {
  return samples.map((s, i) => (
    <div key={i} className="py-1">
      <SeriesHeader labels={s.labels} count={s.count} sum={s.sum} copy={copySeries(name, s.labels, groupLabels)} />
      <PairTable caption={`Quantiles of ${name}`} head={['Quantile', 'Value']} rows={s.quantiles} />
    </div>
  ));
}

export function HistogramTables({ samples, name, groupLabels }: Props<Extract<Sample, { kind: 'histogram' }>>) {
  return samples.map((s, i) => (
    <div key={i} className="py-1">
      <SeriesHeader
        labels={s.labels}
        count={s.count}
        sum={s.sum}
        copy={copySeries(`${name}_bucket`, s.labels, groupLabels)}
      />
      {s.buckets.length > 0 ? (
        <PairTable caption={`Buckets of ${name}`} head={['le', 'Cumulative count']} rows={s.buckets} />
      ) : (
        <Note>
          {s.count === '0'
            ? 'No buckets.'
            : 'No buckets: gateways before 1.8 return a native histogram like this, with its count and sum only.'}
        </Note>
      )}
    </div>
  ));
}

const Note = ({ children }: { children: ReactNode }) => (
  <p className="text-sm text-slate-500 dark:text-slate-400">{children}</p>
);

/** `(0.125, 0.25]`: the bracket on each side says whether that end is inclusive. */
export function formatBucketRange(b: NativeBucket): string {
  const open = b.rule === 1 || b.rule === 3 ? '[' : '(';
  const close = b.rule === 0 || b.rule === 3 ? ']' : ')';
  // Raw bounds: they are short powers of the schema's base, and grouping commas would read as separators.
  return `${open}${b.lower}, ${b.upper}${close}`;
}

export function NativeHistogramTables({
  samples,
  name,
  groupLabels,
}: Props<Extract<Sample, { kind: 'native-histogram' }>>) {
  return samples.map((s, i) => (
    <div key={i} className="py-1">
      <SeriesHeader labels={s.labels} count={s.count} sum={s.sum} copy={copySeries(name, s.labels, groupLabels)} />
      {s.buckets.length === 0 ? (
        <Note>No observations in any bucket.</Note>
      ) : (
        <PairTable
          caption={`Native histogram buckets of ${name}`}
          head={['Bucket', 'Count']}
          rows={s.buckets.map((b) => [formatBucketRange(b), b.count] as const)}
        />
      )}
      <Note>
        Native buckets only: if this histogram has classic buckets too, the gateway (1.10 and newer) does not show them.
      </Note>
    </div>
  ));
}
