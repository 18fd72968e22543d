import { countOf } from '../../lib/format';
import { lookOf } from '../state-looks';
import { STATES, type StateCounts } from '../states';

/**
 * A job's (or gateway's) groups by state, worst first, each with its mark: "✕ 2 failed · ◷ 3 stale
 * · ● 20 fresh". States with no group are left out. `loading`: the whole snapshot is not in yet,
 * so no number is shown (a partial count would read as final).
 */
export function StateCountMarks({ counts, loading }: { counts: StateCounts; loading: boolean }) {
  if (loading)
    return <span className="text-xs text-slate-500 italic dark:text-slate-400">counting when all groups are in…</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2.5 text-xs tabular-nums">
      {STATES.filter((s) => counts.states[s] > 0).map((s) => {
        const look = lookOf(s);
        return (
          <span key={s} className={`inline-flex items-center gap-1 whitespace-nowrap ${look.text}`}>
            <span aria-hidden="true">{look.mark}</span>
            {countOf(counts.states[s], look.one, look.many)}
          </span>
        );
      })}
    </span>
  );
}
