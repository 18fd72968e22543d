// No React here: the entry applies the theme before the rest of the app has loaded.
import { readSetting } from '../lib/storage';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const STORAGE_KEY = 'pushboard.theme';
export const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function stored(): ThemeChoice {
  const value = readSetting(STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Puts the theme in effect on <html>: the choice, or the operating system's for "system". */
export function applyTheme(choice: ThemeChoice = stored()): void {
  const dark = choice === 'dark' || (choice === 'system' && media().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
