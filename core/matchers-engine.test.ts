import { expect, it, vi } from 'vitest';

it('a regex matcher parses as pending until the RE2 engine is loaded, then as a matcher', async () => {
  vi.resetModules();
  const { loadRegexEngine, parseQuery, regexEngineReady } = await import('./matchers');
  expect(regexEngineReady()).toBe(false);
  // Label matchers and words need no engine.
  expect(parseQuery('backup job="x"').ok).toBe(true);
  expect(parseQuery('job=~"ci_.*"')).toEqual({
    ok: false,
    error: 'loading the regular expression engine…',
    pending: true,
  });
  await loadRegexEngine();
  const parsed = parseQuery('job=~"ci_.*"');
  expect(parsed.ok && parsed.query.matchers[0]!.regex!.test('ci_a')).toBe(true);
});
