import { useQuery } from '@tanstack/react-query';
import type { RhythmView } from '../../core/rhythm';
import { isRecord } from '../../core/validate';
import { servedByServer } from '../config/config';
import { readJson } from '../gateway/client';
import { parseRhythm } from './api';

/** One group's last pushes and rhythm, as the server keeps them (server/history/). */
export interface GroupHistory {
  pushes: Array<{ time: number; ok: boolean }>;
  rhythm: RhythmView | null;
  /** For a failed group: its metric names other groups hold, with their TYPE and HELP. */
  shared: Array<{ name: string; type: string; help: string; groups: number }>;
}

const PATH = '-/pushboard/history';

export function parseGroupHistory(json: unknown): GroupHistory {
  const root = isRecord(json) ? json : {};
  const pushes = (Array.isArray(root.pushes) ? root.pushes : [])
    .filter(isRecord)
    .filter((p) => typeof p.time === 'number' && Number.isFinite(p.time) && typeof p.ok === 'boolean')
    .map((p) => ({ time: p.time as number, ok: p.ok as boolean }));
  const shared = (Array.isArray(root.shared) ? root.shared : [])
    .filter(isRecord)
    .filter((f) => typeof f.name === 'string' && typeof f.type === 'string' && typeof f.groups === 'number')
    .map((f) => ({
      name: f.name as string,
      type: f.type as string,
      help: String(f.help ?? ''),
      groups: f.groups as number,
    }));
  return { pushes, rhythm: parseRhythm(root.rhythm) ?? null, shared };
}

/** Asked for an expanded group, again after each change of the group (its push times). */
export function useGroupHistory(key: string, version: string) {
  return useQuery({
    queryKey: ['pushboard', 'history', key, version],
    queryFn: async ({ signal }) => {
      const url = new URL(PATH, document.baseURI);
      url.searchParams.set('key', key);
      const response = await fetch(url, { signal, cache: 'no-cache' });
      if (response.status === 404) throw new Error('The server no longer knows this group.');
      return readJson(await response.text(), PATH, parseGroupHistory);
    },
    enabled: servedByServer(),
    placeholderData: (previous) => previous,
    retry: false,
  });
}

const JOBS_PATH = '-/pushboard/history/jobs';
/** How often the overview's job strips are read again: they move with every push. */
export const JOB_STRIPS_REFRESH_MS = 10_000;

export function parseJobStrips(json: unknown): ReadonlyMap<string, GroupHistory['pushes']> {
  const jobs = isRecord(json) && isRecord(json.jobs) ? json.jobs : {};
  const out = new Map<string, GroupHistory['pushes']>();
  for (const [id, pushes] of Object.entries(jobs)) {
    if (Array.isArray(pushes)) out.set(id, parseGroupHistory({ pushes }).pushes);
  }
  return out;
}

/** The last pushes of one job's groups together, for its row in the overview (one query for all rows). */
export function useJobStrip(jobId: string): GroupHistory['pushes'] | undefined {
  const { data } = useQuery({
    queryKey: ['pushboard', 'history', 'jobs'],
    queryFn: async ({ signal }) => {
      const response = await fetch(new URL(JOBS_PATH, document.baseURI), { signal, cache: 'no-cache' });
      // A server from before job strips: no strips, and no error to show for a picture.
      if (response.status === 404) return parseJobStrips({});
      return readJson(await response.text(), JOBS_PATH, parseJobStrips);
    },
    enabled: servedByServer(),
    refetchInterval: JOB_STRIPS_REFRESH_MS,
    retry: false,
  });
  return data?.get(jobId);
}
