import { useCallback, useMemo } from 'react';
import { useUrlParam, useUrlParams } from '../../lib/useUrlParam';
import { STATE_FILTERS, type StateFilter } from '../states';
import { JOB_ORDERS, type JobOrder } from '../jobs/sections';
import { SORT_KEYS, type SortKey } from './filter';

/** How the list sorted by job is cut with several gateways: by job across gateways (default), or by gateway then job. */
export type GatewayArrangement = 'job' | 'gateway';

/**
 * What the person is looking at, all of it in the URL: filter text, sort, quick filters, family,
 * expanded groups, job order; with several gateways also the arrangement (`?by=gateway`) and the gateways
 * picked in the summary (`?gw=eu-1&gw=us-1`).
 */
export function useFindState() {
  const [text, setText] = useUrlParam('q');
  const [sortParam, setSortParam] = useUrlParam('sort');
  const [only, setOnly] = useUrlParams('only');
  const [family, setFamilyParam] = useUrlParam('family');
  const [open, setOpen] = useUrlParams('open');
  const [by, setBy] = useUrlParam('by');
  const [gateways, setGateways] = useUrlParams('gw');
  const [jobOrderParam, setJobOrder] = useUrlParam('jobsort');

  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortKey) : 'job';
  const openSet = useMemo(() => new Set(open), [open]);
  const states = useMemo(
    () => new Set(only.filter((o): o is StateFilter => (STATE_FILTERS as readonly string[]).includes(o))),
    [only],
  );

  const toggleOnly = useCallback(
    (what: StateFilter | 'due' | 'duplicated') =>
      setOnly(only.includes(what) ? only.filter((o) => o !== what) : [...only, what], { push: true }),
    [only, setOnly],
  );
  const toggleOpen = useCallback(
    (key: string) => setOpen(openSet.has(key) ? open.filter((k) => k !== key) : [...open, key], { push: true }),
    [open, openSet, setOpen],
  );
  const toggleGateway = useCallback(
    (name: string) =>
      setGateways(gateways.includes(name) ? gateways.filter((g) => g !== name) : [...gateways, name], { push: true }),
    [gateways, setGateways],
  );
  const clear = useCallback(() => {
    setText(null);
    setOnly([]);
    setFamilyParam(null);
    setGateways([]);
  }, [setText, setOnly, setFamilyParam, setGateways]);

  return {
    text: text ?? '',
    setText: (value: string) => setText(value === '' ? null : value),
    sort,
    setSort: (value: SortKey) => setSortParam(value === 'job' ? null : value, { push: true }),
    /** The state quick filters on (`?only=failed&only=overdue`): a group in any of them shows. */
    states,
    /** Only groups a prune rule has made due. */
    dueOnly: only.includes('due'),
    /** Only groups whose grouping key is on several gateways. */
    duplicatedOnly: only.includes('duplicated'),
    toggleOnly,
    arrangement: (by === 'gateway' ? 'gateway' : 'job') as GatewayArrangement,
    setArrangement: (value: GatewayArrangement) => setBy(value === 'job' ? null : value, { push: true }),
    /** The gateways picked in the summary (any of them); empty for every gateway. */
    gateways,
    toggleGateway,
    /** How job rows are ordered: needing attention first (the default), or by name (`?jobsort=name`). */
    jobOrder: (JOB_ORDERS as readonly string[]).includes(jobOrderParam ?? '')
      ? (jobOrderParam as JobOrder)
      : 'attention',
    setJobOrder: (value: JobOrder) => setJobOrder(value === 'attention' ? null : value, { push: true }),
    family,
    setFamily: (value: string | null) => setFamilyParam(value || null, { push: true }),
    open: openSet,
    toggleOpen,
    clear,
  };
}

export type FindState = ReturnType<typeof useFindState>;
