import type { Family, Labels, Sample } from '../../core/metrics-types';
import { seriesLabels } from '../gateway/series';
import { TimeAgo } from '../components/TimeAgo';
import { Tip } from '../components/Tip';
import { parseTimestamp } from '../lib/format';
import { SummaryTables, ValueTable } from './SampleTables';
import { HistogramTables, NativeHistogramTables } from './HistogramTables';
import { TypeBadge } from './TypeBadge';
import { isTimestampGauge } from './timestamps';

type Kind = Sample['kind'];
const byKind = <K extends Kind>(samples: readonly Sample[], kind: K) =>
  samples.filter((s): s is Extract<Sample, { kind: K }> => s.kind === kind);

/**
 * One metric family, compact: name, TYPE, when it was pushed and its HELP on one line (the whole
 * HELP on hover or focus), then its samples.
 */
export function FamilyView({ family, groupLabels }: { family: Family; groupLabels: Labels }) {
  const shown = family.samples.map((s) => ({ ...s, labels: seriesLabels(s.labels, groupLabels) }));
  const props = { name: family.name, groupLabels };
  const values = byKind(shown, 'value');
  const asTime = isTimestampGauge(family);
  // One series without labels of its own: its value goes on the family's line.
  const inline = shown.length === 1 && values.length === 1 && Object.keys(values[0]!.labels).length === 0;
  const valueTable = values.length > 0 && <ValueTable samples={values} asTime={asTime} inline={inline} {...props} />;
  return (
    <section aria-label={family.name} className="border-t border-slate-200 dark:border-slate-700 px-4 py-1">
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5">
        <h3 className="min-w-0 font-mono text-sm font-semibold break-all text-slate-900 dark:text-slate-50">
          {family.name}
        </h3>
        <TypeBadge type={family.type} />
        <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
          <TimeAgo ms={parseTimestamp(family.timeStamp)} prefix="pushed " />
        </span>
        {family.help ? (
          <Tip tip={family.help} className="min-w-0 flex-[1_1_10rem]">
            <span className="block truncate text-sm text-slate-600 dark:text-slate-300">
              <bdi>{family.help}</bdi>
            </span>
          </Tip>
        ) : (
          <span className="min-w-0 flex-[1_1_6rem] text-sm text-slate-500 dark:text-slate-400 italic">
            No HELP text
          </span>
        )}
        {inline && valueTable}
      </div>
      <div className={`relative overflow-x-auto ${inline ? '' : 'mt-0.5'}`}>
        {!inline && valueTable}
        <SummaryTables samples={byKind(shown, 'summary')} {...props} />
        <HistogramTables samples={byKind(shown, 'histogram')} {...props} />
        <NativeHistogramTables samples={byKind(shown, 'native-histogram')} {...props} />
        {family.samples.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No samples.</p>}
      </div>
    </section>
  );
}
