import { useCallback, useSyncExternalStore } from 'react';
import { writeSetting } from '../lib/storage';
import { applyTheme, media, stored, STORAGE_KEY, type ThemeChoice } from './apply-theme';

export { applyTheme, type ThemeChoice };

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  const onSystem = () => {
    applyTheme();
    listener();
  };
  const mq = media();
  mq.addEventListener('change', onSystem);
  return () => {
    listeners.delete(listener);
    mq.removeEventListener('change', onSystem);
  };
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, stored);
  const set = useCallback((next: ThemeChoice) => {
    writeSetting(STORAGE_KEY, next === 'system' ? null : next);
    applyTheme(next);
    listeners.forEach((l) => l());
  }, []);
  return [choice, set];
}
