import type { Group } from '../gateway/metrics-types';
import { TimeAgo } from '../components/TimeAgo';

/** When the group was last pushed successfully, and whether its last push failed. */
export function Freshness({ group }: { group: Group }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-slate-600 dark:text-slate-300">
        {group.pushTime > 0 ? <TimeAgo ms={group.pushTime * 1000} prefix="pushed " /> : 'never pushed successfully'}
      </span>
      {!group.lastPushSuccessful && (
        <span className="inline-flex items-center gap-1 rounded bg-red-100 dark:bg-red-900 px-1.5 py-0.5 text-xs font-semibold text-red-800 dark:text-red-300">
          <span aria-hidden="true">✕</span>
          Last push failed {group.failureTime > 0 && <TimeAgo ms={group.failureTime * 1000} />}
        </span>
      )}
    </span>
  );
}
