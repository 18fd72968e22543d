import type { ReactNode } from 'react';
import type { Labels } from '../../core/metrics-types';
import { escapeLabelValue, formatLabelName, orderedLabelNames } from '../../core/selector';

/**
 * Labels as `name="value"` chips. Values are pushed by anyone: rendered as text only, isolated for
 * right-to-left scripts, and truncated with the full value in the title (hover) and in full while
 * the keyboard is on a group's key row (`group/key`).
 */
export function LabelPairs({ labels, empty = 'no labels' }: { labels: Labels; empty?: ReactNode }) {
  const names = orderedLabelNames(labels);
  if (names.length === 0)
    return empty === null ? null : <span className="text-slate-500 dark:text-slate-400">{empty}</span>;
  return (
    <span className="flex min-w-0 flex-wrap gap-1">
      {names.map((name) => {
        const value = escapeLabelValue(labels[name] ?? '');
        const shownName = formatLabelName(name);
        return (
          <span
            key={name}
            title={`${shownName}="${value}"`}
            className="inline-block max-w-full truncate group-has-[:focus-visible]/key:whitespace-normal group-has-[:focus-visible]/key:[overflow-wrap:anywhere] rounded bg-slate-100 dark:bg-slate-800 px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:text-slate-200"
          >
            <bdi>{shownName}</bdi>=&quot;<bdi>{value}</bdi>&quot;
          </span>
        );
      })}
    </span>
  );
}
