import type { Labels } from './metrics-types';

/**
 * The labels that tell a group's series apart. Every sample repeats its group's labels (and
 * `instance=""` when the group has none); those are dropped, anything else is kept.
 */
export function seriesLabels(sample: Labels, group: Labels): Labels {
  const out: Record<string, string> = {};
  for (const name in sample) {
    const value = sample[name] ?? '';
    if (group[name] === value) continue;
    if (name === 'instance' && value === '' && !('instance' in group)) continue;
    out[name] = value;
  }
  return out;
}
