import { formatAge, formatExactTime } from '../lib/format';
import { useNow } from '../lib/useNow';
import { Tip } from './Tip';

/** "3 min ago", with the exact time on hover or focus. */
export function TimeAgo({ ms, prefix = '' }: { ms: number; prefix?: string }) {
  const now = useNow();
  if (!Number.isFinite(ms)) return <span>{prefix}unknown</span>;
  return (
    <Tip tip={formatExactTime(ms)}>
      <time dateTime={new Date(ms).toISOString()}>
        {prefix}
        {formatAge(ms, now)}
      </time>
    </Tip>
  );
}
