import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Group } from '../../core/metrics-types';
import { servedByServer } from '../config/config';
import { CADENCE_QUERY_KEY } from './api';

/** At most one extra read of the rhythms this often, however fast groups appear (ms). */
export const FOLLOW_MIN_GAP_MS = 2000;

/**
 * The rhythms are read every minute, so a group pushed for the first time after the last read had
 * none: a weekly job judged stale by the page's threshold for up to a minute, though its written
 * expectation says otherwise. A key the page had not seen when the rhythms were last read asks for
 * them again (once per FOLLOW_MIN_GAP_MS at most), and so does the first list, which follows
 * the page's first read of the rhythms on the stream; pushes to known groups need nothing, the page
 * judges them against their own push time (overdue.ts).
 */
export function useCadenceFollows(groups: readonly Group[] | undefined): void {
  const client = useQueryClient();
  // Groups there at the first render came with the page, before the rhythms were asked for: they
  // are known. Groups that arrive later (the stream's first state) may be newer than the answer.
  // Made once (a useRef argument is built on every render, and this one is every group's key).
  const [initial] = useState(() => new Set(groups?.map((g) => g.key)));
  const known = useRef<Set<string>>(initial);
  const lastAsk = useRef(0);
  useEffect(() => {
    if (!groups || !servedByServer()) return;
    const seen = known.current;
    const fresh = groups.some((g) => !seen.has(g.key));
    if (!fresh) return;
    const wait = lastAsk.current + FOLLOW_MIN_GAP_MS - Date.now();
    const ask = () => {
      lastAsk.current = Date.now();
      known.current = new Set(groups.map((g) => g.key));
      void client.invalidateQueries({ queryKey: CADENCE_QUERY_KEY });
    };
    if (wait <= 0) return ask();
    const timer = setTimeout(ask, wait);
    return () => clearTimeout(timer);
  }, [groups, client]);
}
