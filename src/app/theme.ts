import { useCallback, useSyncExternalStore } from 'react';
import { writeSetting } from '../lib/storage';
import { applyTheme, media, stored, STORAGE_KEY, type ThemeChoice } from './apply-theme';

export { applyTheme, type ThemeChoice };

/**
 * A choice made here, told on the window rather than to a list of this module's: the theme is the
 * document's (its data-theme and the stored setting), one for the page whoever shows it.
 */
const CHOSEN = 'pushboard:theme';

function subscribe(listener: () => void) {
  const onSystem = () => {
    applyTheme();
    listener();
  };
  const mq = media();
  window.addEventListener(CHOSEN, listener);
  mq.addEventListener('change', onSystem);
  return () => {
    window.removeEventListener(CHOSEN, listener);
    mq.removeEventListener('change', onSystem);
  };
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, stored);
  const set = useCallback((next: ThemeChoice) => {
    writeSetting(STORAGE_KEY, next === 'system' ? null : next);
    applyTheme(next);
    window.dispatchEvent(new Event(CHOSEN));
  }, []);
  return [choice, set];
}
