import { useEffect, useMemo, useState } from 'react';
import {
  EMPTY_QUERY,
  loadRegexEngine,
  needsRegexEngine,
  parseQuery,
  regexEngineReady,
  type ParseResult,
} from '../../../core/matchers';

const NOTHING: ParseResult = { ok: true, query: EMPTY_QUERY };

/**
 * The filter box's text, parsed. A regex matcher (`=~`, `!~`) needs the RE2 engine, which the
 * page loads the first time one is typed (or comes in the address): meanwhile the last filter
 * that could be read stays in force, rather than the list flashing unfiltered.
 */
export function useParsedQuery(text: string): ParseResult {
  const needed = needsRegexEngine(text);
  const [ready, setReady] = useState(regexEngineReady);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!needed || ready) return;
    let live = true;
    loadRegexEngine().then(
      () => live && setReady(true),
      (error: unknown) => live && setFailed(`the regular expression engine could not be loaded: ${String(error)}`),
    );
    return () => {
      live = false;
    };
  }, [needed, ready]);
  // Parsed again once the engine is in place (`ready` is the memo's key, not an input).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const parsed = useMemo(() => parseQuery(text), [text, ready]);
  const [kept, setKept] = useState<ParseResult>(NOTHING);
  const settled = parsed.ok || !parsed.pending;
  if (settled && kept !== parsed) setKept(parsed);
  return settled ? parsed : failed ? { ok: false, error: failed } : kept;
}
