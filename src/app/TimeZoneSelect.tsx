import { localZone } from '../lib/format';
import { useTimeZone, type TimeZoneChoice } from '../lib/time-zone';

/** "Times in: local zone (Europe/Berlin) / UTC": every absolute time on every page follows it. */
export function TimeZoneSelect() {
  const [zone, setZone] = useTimeZone();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-teal-50">
      <span className="sr-only sm:not-sr-only">Times in</span>
      <select
        value={zone}
        onChange={(e) => setZone(e.target.value as TimeZoneChoice)}
        className="max-w-40 rounded border border-white/30 bg-teal-900 px-1.5 py-1 text-sm text-white focus-visible:outline-2 focus-visible:outline-white"
      >
        <option value="local">Local zone ({localZone()})</option>
        <option value="utc">UTC</option>
      </select>
    </label>
  );
}
