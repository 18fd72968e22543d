import type { RhythmView } from '../../core/rhythm';
import { formatSpan } from '../../core/prune';

const PAD = 8;

/**
 * The last pushes on a time axis: successes as green ticks, failures as red crosses, the expected
 * next push as a hollow ring (fuchsia once it is overdue), and now as a thin line. The picture is
 * named in words for screen readers; the card says the same in text beside it.
 */
export function PushStrip({
  pushes,
  rhythm,
  nowSeconds,
  width: WIDTH = 200,
  height: HEIGHT = 28,
  subject = 'Last',
}: {
  pushes: ReadonlyArray<{ time: number; ok: boolean }>;
  rhythm: Pick<RhythmView, 'nextDue' | 'lateAt'> | null;
  nowSeconds: number;
  /** The picture's size in px: 200 × 28 on a card, smaller in a job row. */
  width?: number;
  height?: number;
  /** How the spoken label starts: "Last" for a group, e.g. "Job backup: last" for a job row. */
  subject?: string;
}) {
  if (pushes.length === 0) return null;
  const first = pushes[0]!.time;
  const next = rhythm ? Math.max(rhythm.nextDue, pushes.at(-1)!.time) : undefined;
  const last = Math.max(nowSeconds, next ?? 0, pushes.at(-1)!.time);
  const span = Math.max(1, last - first);
  const x = (t: number) => PAD + ((t - first) / span) * (WIDTH - 2 * PAD);
  const ok = pushes.filter((p) => p.ok).length;
  const failed = pushes.length - ok;
  const late = next !== undefined && nowSeconds > (rhythm?.lateAt ?? Infinity);
  const label =
    `${subject} ${pushes.length} ${pushes.length === 1 ? 'push' : 'pushes'} over ${formatSpan(nowSeconds - first)}: ` +
    `${ok} successful, ${failed} failed` +
    (next !== undefined
      ? `; next expected ${next >= nowSeconds ? `in ${formatSpan(next - nowSeconds)}` : `${formatSpan(nowSeconds - next)} ago`}`
      : '');
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      className="max-w-full text-slate-400 dark:text-slate-500"
    >
      <title>{label}</title>
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="currentColor" strokeWidth="1" />
      <line x1={x(nowSeconds)} x2={x(nowSeconds)} y1={4} y2={HEIGHT - 4} stroke="currentColor" strokeDasharray="2 2" />
      {pushes.map((p, i) =>
        p.ok ? (
          <line
            key={i}
            x1={x(p.time)}
            x2={x(p.time)}
            y1={HEIGHT / 2 - 8}
            y2={HEIGHT / 2 + 8}
            strokeWidth="2"
            className="stroke-green-700 dark:stroke-green-400"
          />
        ) : (
          <path
            key={i}
            d={`M${x(p.time) - 4},${HEIGHT / 2 - 4}l8,8m0,-8l-8,8`}
            strokeWidth="2"
            className="stroke-red-700 dark:stroke-red-400"
          />
        ),
      )}
      {next !== undefined && (
        <circle
          cx={x(next)}
          cy={HEIGHT / 2}
          r={5}
          fill="none"
          strokeWidth="2"
          className={late ? 'stroke-fuchsia-700 dark:stroke-fuchsia-300' : 'stroke-slate-500 dark:stroke-slate-300'}
        />
      )}
    </svg>
  );
}
