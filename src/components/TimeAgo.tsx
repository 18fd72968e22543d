import { formatAge, formatBothZones, formatExactTime } from '../lib/format';
import { useNow } from '../lib/useNow';
import { useTimeZone } from '../lib/time-zone';
import { Tip } from './Tip';

/** "3 min ago", with the exact time in both zones (the reader's choice first) on hover or focus. */
export function TimeAgo({ ms, prefix = '' }: { ms: number; prefix?: string }) {
  const now = useNow();
  const [zone] = useTimeZone();
  if (!Number.isFinite(ms)) return <span>{prefix}unknown</span>;
  return (
    <Tip tip={formatBothZones(ms, zone)}>
      <time dateTime={new Date(ms).toISOString()}>
        {prefix}
        {formatAge(ms, now)}
      </time>
    </Tip>
  );
}

/** "2026-11-24 22:06:23 GMT+1" in the reader's chosen zone, both zones on hover or focus. */
export function ExactTime({ ms }: { ms: number }) {
  const [zone] = useTimeZone();
  if (!Number.isFinite(ms)) return <span>unknown</span>;
  return (
    <Tip tip={formatBothZones(ms, zone)}>
      <time dateTime={new Date(ms).toISOString()}>{formatExactTime(ms, zone)}</time>
    </Tip>
  );
}

/** "2026-11-24 22:06:23 GMT+1 (3 min ago)": a time that matters both as a date and as an age. */
export function DateAndAge({ ms }: { ms: number }) {
  const now = useNow();
  const [zone] = useTimeZone();
  if (!Number.isFinite(ms)) return <span>unknown</span>;
  return (
    <Tip tip={formatBothZones(ms, zone)}>
      <time dateTime={new Date(ms).toISOString()}>
        {formatExactTime(ms, zone)} <span className="text-slate-500 dark:text-slate-400">({formatAge(ms, now)})</span>
      </time>
    </Tip>
  );
}
