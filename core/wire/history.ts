/**
 * The server's push history as the page reads it (server/history/, src/health/history-api.ts):
 * - `-/pushboard/history?key=…`: one group's last pushes, its rhythm and, for a failed group, the
 *   metric names other groups hold;
 * - `-/pushboard/history/jobs`: every job's last pushes together, for the overview's strips.
 */
import type { RhythmView } from '../rhythm';
import { isRecord } from '../validate';
import { decodeRhythm } from './cadence';
import { Fields } from './read';

/** One push the server saw. */
export interface PushEntry {
  /** Unix seconds. */
  time: number;
  ok: boolean;
}

/** One of a failed group's metric names that other groups hold, with their TYPE and HELP. */
export interface SharedFamily {
  name: string;
  type: string;
  help: string;
  /** How many other groups hold it. */
  groups: number;
}

export interface GroupHistory {
  pushes: PushEntry[];
  rhythm: RhythmView | null;
  shared: SharedFamily[];
}

/** `-/pushboard/history/jobs`: the last pushes by job id. */
export interface JobStripsAnswer {
  jobs: Record<string, PushEntry[]>;
}

const list = (raw: unknown) => (Array.isArray(raw) ? raw : []).filter(isRecord);

function pushesOf(raw: unknown): PushEntry[] {
  return list(raw)
    .filter((p) => typeof p.time === 'number' && Number.isFinite(p.time) && typeof p.ok === 'boolean')
    .map((p) => ({ time: p.time as number, ok: p.ok as boolean }));
}

/** A group's history; entries that cannot be read are left out. */
export function decodeGroupHistory(json: unknown): GroupHistory {
  const f = Fields.of('a group’s history', json);
  const shared = list(f.raw('shared'))
    .filter((s) => typeof s.name === 'string' && typeof s.type === 'string' && typeof s.groups === 'number')
    .map((s) => ({
      name: s.name as string,
      type: s.type as string,
      help: typeof s.help === 'string' ? s.help : '',
      groups: s.groups as number,
    }));
  return { pushes: pushesOf(f.raw('pushes')), rhythm: decodeRhythm(f.raw('rhythm')) ?? null, shared };
}

/** Every job's strip by job id; a job whose pushes are not a list is left out. */
export function decodeJobStrips(json: unknown): ReadonlyMap<string, PushEntry[]> {
  const f = Fields.of('the job strips', json);
  const jobs = f.raw('jobs');
  const out = new Map<string, PushEntry[]>();
  if (!isRecord(jobs)) return out;
  for (const [id, pushes] of Object.entries(jobs)) if (Array.isArray(pushes)) out.set(id, pushesOf(pushes));
  return out;
}

export const encodeJobStrips = (strips: ReadonlyMap<string, PushEntry[]>): JobStripsAnswer => ({
  jobs: Object.fromEntries(strips),
});
