import { useCallback, useSyncExternalStore } from 'react';
import { readSetting, writeSetting } from './storage';

/** Absolute times in the browser's own zone (the default), or in UTC. */
export type TimeZoneChoice = 'local' | 'utc';

export const TIME_ZONE_KEY = 'pushboard.timeZone';

/** The browser's zone by its IANA name, e.g. "Europe/Berlin". */

/** The stored choice; local unless UTC was chosen. */
export function storedTimeZone(): TimeZoneChoice {
  return readSetting(TIME_ZONE_KEY) === 'utc' ? 'utc' : 'local';
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The reader's choice of zone, remembered in this browser, and a setter; every time shown follows it. */
export function useTimeZone(): [TimeZoneChoice, (choice: TimeZoneChoice) => void] {
  const choice = useSyncExternalStore(subscribe, storedTimeZone);
  const set = useCallback((next: TimeZoneChoice) => {
    writeSetting(TIME_ZONE_KEY, next === 'local' ? null : next);
    listeners.forEach((l) => l());
  }, []);
  return [choice, set];
}
