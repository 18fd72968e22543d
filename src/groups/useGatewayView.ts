import { useMemo } from 'react';
import { findDuplicates } from '../../core/duplicates';
import type { Group } from '../../core/metrics-types';
import { useGateways } from '../config/ConfigContext';
import type { FindState } from './find/useFindState';
import type { Arrangement } from './rows';
import type { SortKey } from './find/filter';

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * What the list needs to know of several gateways: the duplicates, the gateways picked in the
 * summary, each gateway's count, and the arrangement. With one gateway all of it is off (null,
 * job order), whatever the URL says, so the list is exactly what it always was.
 */
export function useGatewayView(groups: readonly Group[] | undefined, find: FindState) {
  const gateways = useGateways();
  const multi = gateways !== null;
  // Once per groups array: unchanged groups keep their values' fingerprints across polls.
  const duplicates = useMemo(() => (multi && groups ? findDuplicates(groups) : null), [multi, groups]);
  const duplicateKeys = useMemo(() => (duplicates ? new Set(duplicates.keys()) : null), [duplicates]);
  // Only names the configuration knows: a link from another set-up must not hide every group.
  const picked = useMemo(() => {
    const known = find.gateways.filter((name) => gateways?.some((g) => g.name === name));
    return known.length > 0 ? new Set(known) : null;
  }, [gateways, find.gateways]);
  const counts = useMemo(() => {
    if (!gateways) return null;
    const byName = new Map<string, number>();
    for (const g of groups ?? []) if (g.gateway !== undefined) byName.set(g.gateway, (byName.get(g.gateway) ?? 0) + 1);
    return gateways.map(({ name }): [string, number] => [name, byName.get(name) ?? 0]);
  }, [gateways, groups]);
  const duplicatedOnly = multi && find.duplicatedOnly ? (duplicateKeys ?? NO_KEYS) : null;
  /** The list's filters for gateways: the picked ones, and "only groups on several gateways". */
  const filters = useMemo(() => ({ gateways: picked, duplicatedOnly }), [picked, duplicatedOnly]);
  return {
    multi,
    duplicates,
    duplicateKeys,
    filters,
    /** Each configured gateway's name and number of groups, in the configuration's order. */
    counts,
    arrangementFor: (sort: SortKey): Arrangement =>
      sort !== 'job' ? 'flat' : multi && find.arrangement === 'gateway' ? 'gateway' : 'job',
  };
}
