import type { Family, Labels, Sample } from '../../core/metrics-types';
import { seriesLabels } from '../gateway/series';
import { TimeAgo } from '../components/TimeAgo';
import { parseTimestamp } from '../lib/format';
import { HistogramTables, NativeHistogramTables, SummaryTables, ValueTable } from './SampleTables';
import { TypeBadge } from './TypeBadge';

type Kind = Sample['kind'];
const byKind = <K extends Kind>(samples: readonly Sample[], kind: K) =>
  samples.filter((s): s is Extract<Sample, { kind: K }> => s.kind === kind);

/** One metric family: name, TYPE, HELP, when it was pushed, and its samples. */
export function FamilyView({ family, groupLabels }: { family: Family; groupLabels: Labels }) {
  const shown = family.samples.map((s) => ({ ...s, labels: seriesLabels(s.labels, groupLabels) }));
  const props = { name: family.name, groupLabels };
  return (
    <section aria-label={family.name} className="border-t border-slate-200 dark:border-slate-700 px-4 py-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="font-mono text-sm font-semibold break-all text-slate-900 dark:text-slate-50">{family.name}</h3>
        <TypeBadge type={family.type} />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          <TimeAgo ms={parseTimestamp(family.timeStamp)} prefix="pushed " />
        </span>
      </div>
      {family.help ? (
        <p className="mt-1 max-h-32 overflow-auto text-sm whitespace-pre-wrap text-slate-600 dark:text-slate-300 [overflow-wrap:anywhere]">
          <bdi>{family.help}</bdi>
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400 italic">No HELP text</p>
      )}
      <div className="relative mt-2 overflow-x-auto">
        {byKind(shown, 'value').length > 0 && <ValueTable samples={byKind(shown, 'value')} {...props} />}
        {<SummaryTables samples={byKind(shown, 'summary')} {...props} />}
        <HistogramTables samples={byKind(shown, 'histogram')} {...props} />
        <NativeHistogramTables samples={byKind(shown, 'native-histogram')} {...props} />
        {family.samples.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No samples.</p>}
      </div>
    </section>
  );
}
