import { useCallback } from 'react';
import { readSetting, writeSetting } from '../../lib/storage';
import { useUrlParam } from '../../lib/useUrlParam';

export type Density = 'comfortable' | 'compact';
const KEY = 'pushboard.density';

const valid = (v: string | null): Density | null => (v === 'compact' || v === 'comfortable' ? v : null);

/** Compact (one line a group) or comfortable rows: the URL's `?view=` first, else the browser's remembered choice. */
export function useDensity(): [Density, (d: Density) => void] {
  const [param, setParam] = useUrlParam('view');
  const density = valid(param) ?? valid(readSetting(KEY)) ?? 'comfortable';
  const set = useCallback(
    (d: Density) => {
      writeSetting(KEY, d);
      setParam(d, { push: true });
    },
    [setParam],
  );
  return [density, set];
}
