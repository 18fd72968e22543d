import type { Group } from '../../core/metrics-types';
import { TimeAgo } from '../components/TimeAgo';
import { StateBadge, StateMark } from '../components/state';

/** When the group was last pushed successfully (marked fresh when recent), and whether its last push failed. */
export function Freshness({ group, stale }: { group: Group; stale: boolean }) {
  const fresh = !stale && group.lastPushSuccessful;
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="inline-flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
        {fresh && <StateMark state="fresh" />}
        {group.pushTime > 0 ? <TimeAgo ms={group.pushTime * 1000} prefix="pushed " /> : 'never pushed successfully'}
      </span>
      {!group.lastPushSuccessful && (
        <StateBadge state="failed">
          Last push failed {group.failureTime > 0 && <TimeAgo ms={group.failureTime * 1000} />}
        </StateBadge>
      )}
    </span>
  );
}
