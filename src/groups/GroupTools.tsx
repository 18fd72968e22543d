import type { ReactNode } from 'react';
import type { Group } from '../../core/metrics-types';
import { useGatewayClient } from '../gateway/client-context';
import { CopyButton } from '../components/CopyButton';
import { curlDelete } from './commands';

/** The full grouping key (never truncated here), what people copy from a group, and `children` between. */
export function GroupTools({ group, readOnly, children }: { group: Group; readOnly: boolean; children?: ReactNode }) {
  const { url } = useGatewayClient();
  let command: string | undefined;
  try {
    command = readOnly ? undefined : curlDelete(url, group.labels);
  } catch {
    // A malformed grouping key has no path; the card already says what is wrong.
  }
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-2 border-t border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-950 px-4 py-1">
      <code className="min-w-[min(100%,22rem)] flex-1 font-mono text-xs break-all text-slate-700 dark:text-slate-200">
        <bdi>{group.selector}</bdi>
      </code>
      {children}
      <span className="inline-flex flex-wrap gap-x-2 gap-y-2">
        <CopyButton text={group.selector} label="Copy selector" />
        {command && <CopyButton text={command} label="Copy delete command" />}
      </span>
    </div>
  );
}
