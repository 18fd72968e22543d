// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderWithClient } from '../testing/render';
import { RulesPage } from './RulesPage';

const RULE = { name: 'ci-branches', match: '{job=~"ci_.*"}', olderThan: 86_400, dueNow: 0, dueWithinDay: 0 };
const REASON =
  'it adds a gateways: section, which the server did not start with: a reload may change rules and expectations, never the set of gateways (restart the server to change them)';

/** The server's `-/pushboard/rules` answer, as the page asks for it. */
function serve(answer: Record<string, unknown>) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ intervalMs: 60_000, rules: [RULE], ...answer })));
}

beforeEach(() => {
  // Served by the Pushboard server: only then does the page ask for its rules.
  const meta = document.createElement('meta');
  meta.name = 'pushboard-events';
  document.head.append(meta);
});
afterEach(() => {
  cleanup();
  document.head.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the Rules page after a reload', () => {
  it('says a refused reload, why, and that the rules shown are still those in force', async () => {
    serve({ reload: { at: Date.UTC(2026, 0, 2, 3, 4, 5), outcome: 'refused', reason: REASON } });
    renderWithClient(<RulesPage />);
    const alert = await screen.findByRole('alert', { name: 'Configuration not reloaded' });
    expect(alert.textContent).toContain('The configuration file was not reloaded (2026-01-02 03:04:05 UTC).');
    expect(alert.textContent).toContain(REASON);
    expect(alert.textContent).toContain('the rules below are those in force, not those of the file');
    expect(screen.getByRole('heading', { name: 'ci-branches' })).toBeTruthy();
  });

  it('says it too when no rule runs', async () => {
    serve({ rules: [], reload: { at: 0, outcome: 'refused', reason: 'pushboard.yml:2: prune.interval: bad' } });
    renderWithClient(<RulesPage />);
    const alert = await screen.findByRole('alert', { name: 'Configuration not reloaded' });
    expect(alert.textContent).toContain('pushboard.yml:2: prune.interval: bad');
  });

  it('says nothing of a reload that was applied', async () => {
    serve({ reload: { at: 0, outcome: 'success', reason: null } });
    renderWithClient(<RulesPage />);
    expect(await screen.findByRole('heading', { name: 'ci-branches' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
