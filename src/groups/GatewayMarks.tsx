import type { Duplicate } from '../../core/duplicates';
import { duplicateNote } from './gateway-text';
import { SheetsIcon } from '../components/SheetsIcon';

/** The gateway a group is on (several gateways only): a small neutral pill with its name. */
export function GatewayChip({ gateway }: { gateway: string }) {
  return (
    <span
      title={`Gateway ${gateway}`}
      className="inline-flex max-w-full items-center truncate rounded-full bg-indigo-50 px-2 py-0.5 font-mono text-xs text-indigo-900 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800"
    >
      <bdi>{gateway}</bdi>
    </span>
  );
}

/** The other gateways holding this group's grouping key: when they were pushed and whether their values differ. */
export function DuplicatesNote({ duplicates }: { duplicates: readonly Duplicate[] }) {
  return (
    <p className="border-t border-indigo-100 dark:border-indigo-900 bg-indigo-50/60 dark:bg-indigo-950/60 px-4 py-1.5 text-sm text-slate-700 dark:text-slate-200">
      <span className="mr-1 inline-block align-[-0.1em] text-indigo-700 dark:text-indigo-300">
        <SheetsIcon />
      </span>
      {duplicateNote(duplicates, (gateway) => (
        <bdi key={gateway} className="font-mono">
          {gateway}
        </bdi>
      ))}
    </p>
  );
}
