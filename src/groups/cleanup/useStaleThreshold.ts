import { useCallback } from 'react';
import { useConfig } from '../../config/ConfigContext';
import { parseDuration } from '../../../core/duration.js';
import { readSetting, writeSetting } from '../../lib/storage';
import { useUrlParam } from '../../lib/useUrlParam';

const STORAGE_KEY = 'pushboard.staleThreshold';

/**
 * The staleness threshold: from the URL (?stale=1h) if valid, else the browser's last choice, else
 * the configured default. Setting a valid one writes both.
 */
export function useStaleThreshold(): { text: string; seconds: number; set: (text: string) => boolean } {
  const config = useConfig();
  const [fromUrl, setUrl] = useUrlParam('stale');
  const candidates = [fromUrl, readSetting(STORAGE_KEY), config.staleThreshold, '1h'];
  const text = candidates.find((c): c is string => !!c && parseDuration(c) !== undefined) ?? '1h';
  const set = useCallback(
    (next: string) => {
      if (parseDuration(next) === undefined) return false;
      const trimmed = next.trim();
      setUrl(trimmed);
      writeSetting(STORAGE_KEY, trimmed);
      return true;
    },
    [setUrl],
  );
  return { text, seconds: parseDuration(text) ?? 3600, set };
}
