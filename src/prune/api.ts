import { useQuery } from '@tanstack/react-query';
import { loadRegexEngine, needsRegexEngine } from '../../core/matchers';
import { decodeRules, type RulesView } from '../../core/wire/rules';
import { fetchServerJson } from '../data';
import { servedByServer } from '../config/config';

/** The server's prune rules and their runs (`-/pushboard/rules`, core/wire/rules.ts). */
export type { ConfigReload, RuleRun, RuleView, RulesView } from '../../core/wire/rules';

const PATH = '-/pushboard/rules';

/** Reads the server's answer; a rule whose selector this page cannot read is left out. */
const fetchRules = (signal: AbortSignal): Promise<RulesView> =>
  fetchServerJson(PATH, decodeRules, {
    signal,
    notFound: () => decodeRules({}),
    // A rule with a regex matcher needs the RE2 engine, loaded only when some rule has one.
    prepare: async (text) => {
      if (needsRegexEngine(text)) await loadRegexEngine();
    },
  });

/**
 * When to ask again: every 10 s (a SIGHUP can change the rules), or just after the server's next
 * run when that comes sooner, so a run's outcome (deleted, held back) shows within moments of it
 * rather than up to 10 s later. Never more often than every 2 s, whatever the clocks say.
 */
export function rulesRefetchMs(view: RulesView | undefined, nowMs: number): number {
  const next = view?.nextRun;
  if (next == null) return 10_000;
  return Math.min(10_000, Math.max(2_000, next - nowMs + 500));
}

/** The server's rules, refreshed as `rulesRefetchMs` says. */
export function usePruneRules(): RulesView | undefined {
  const { data } = useQuery({
    queryKey: ['pushboard', 'rules'],
    queryFn: ({ signal }) => fetchRules(signal),
    // Only the Pushboard server runs rules; served as static files there are none to ask about.
    enabled: servedByServer(),
    refetchInterval: (query) => rulesRefetchMs(query.state.data, Date.now()),
    retry: false,
  });
  return data;
}
