// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Group } from '../../core/metrics-types';
import { DEFAULT_CONFIG, type AppConfig } from '../config/config';
import { ConfigContext } from '../config/ConfigContext';
import { gatewayKeys } from '../gateway/keys';
import { PollingProvider } from '../polling/PollingContext';
import { groupOn } from '../testing/gateway-groups';
import { freshClient, renderWithClient } from '../testing/render';
import { currentSearch } from '../lib/useUrlParam';
import { GroupsPage } from './GroupsPage';

const MULTI: AppConfig = {
  ...DEFAULT_CONFIG,
  gateways: [
    { name: 'eu-1', base: '-/gateways/eu-1/' },
    { name: 'eu-2', base: '-/gateways/eu-2/' },
  ],
};

const now = Date.now() / 1000;
// In the merged model's order: job, then labels, the same key side by side by gateway name.
const multiGroups = [
  groupOn('eu-1', { job: 'backup', instance: 'db-1' }, { pushed: now - 10 }),
  groupOn('eu-2', { job: 'backup', instance: 'db-1' }, { pushed: now - 190, value: '2' }),
  groupOn('eu-2', { job: 'backup', instance: 'db-2' }, { pushed: now - 10 }),
  groupOn('eu-1', { job: 'etl' }, { pushed: now - 10 }),
];
const oneGroups = [
  groupOn(undefined, { job: 'backup', instance: 'db-1' }, { pushed: now - 10 }),
  groupOn(undefined, { job: 'etl' }, { pushed: now - 10 }),
];

function renderPage(groups: Group[], config: AppConfig = MULTI) {
  const client = freshClient();
  client.setQueryData(gatewayKeys.metrics(), { groups });
  return renderWithClient(
    <ConfigContext value={config}>
      <PollingProvider>
        <GroupsPage />
      </PollingProvider>
    </ConfigContext>,
    client,
  );
}

const search = () => new URLSearchParams(currentSearch());
/** What a screen reader reads of an element: its text without the marks hidden from it. */
function spoken(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}
const articles = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'));
const summaryButtons = () =>
  within(screen.getByRole('navigation', { name: 'Summary' }))
    .getAllByRole('button')
    .map(spoken);

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  // Each test starts as a first visit: no view, mode or setting kept by one before it.
  localStorage.clear();
  // Nothing else answers: no server rules, no cadence, no admin API.
  vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
  // The window virtualiser scrolls; jsdom has no scrolling.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(async () => {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('the groups page with several gateways', () => {
  it('names each card with its gateway, shows the gateway as a chip, and the duplicates', () => {
    renderPage(multiGroups);
    expect(articles()).toEqual([
      '{job="backup", instance="db-1"} on eu-1',
      '{job="backup", instance="db-1"} on eu-2',
      '{job="backup", instance="db-2"} on eu-2',
      '{job="etl"} on eu-1',
    ]);
    const card = screen.getByRole('article', { name: '{job="backup", instance="db-1"} on eu-1' });
    expect(within(card).getByTitle('Gateway eu-1').textContent).toBe('eu-1');
    expect(within(card).getByRole('checkbox', { name: 'Select {job="backup", instance="db-1"} on eu-1' })).toBeTruthy();
    expect(card.textContent).toContain('Also on eu-2, pushed 3 min earlier · different values');
    const other = screen.getByRole('article', { name: '{job="backup", instance="db-1"} on eu-2' });
    expect(other.textContent).toContain('Also on eu-1, pushed 3 min later · different values');
    expect(screen.getByRole('article', { name: '{job="etl"} on eu-1' }).textContent).not.toContain('Also on');
  });

  it('counts groups per gateway in the summary; each is a toggle, several pick any of them, clearing drops them', () => {
    renderPage(multiGroups);
    const eu1 = screen.getByRole('button', { name: 'eu-1: 2 groups' });
    const eu2 = screen.getByRole('button', { name: 'eu-2: 2 groups' });
    expect(eu1.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(eu2);
    expect(search().getAll('gw')).toEqual(['eu-2']);
    expect(eu2.getAttribute('aria-pressed')).toBe('true');
    expect(articles()).toEqual(['{job="backup", instance="db-1"} on eu-2', '{job="backup", instance="db-2"} on eu-2']);
    expect(screen.getByRole('status').textContent).toBe('Showing 2 of 4 groups.');

    fireEvent.click(eu1);
    expect(search().getAll('gw')).toEqual(['eu-2', 'eu-1']);
    expect(articles()).toHaveLength(4);

    fireEvent.click(screen.getByRole('button', { name: '4 groups' }));
    expect(search().getAll('gw')).toEqual([]);
    expect(eu1.getAttribute('aria-pressed')).toBe('false');
  });

  it('filters with @gateway in the box, and explains an unknown @name', async () => {
    renderPage(multiGroups);
    const box = screen.getByRole('searchbox', { name: 'Filter groups' });
    // A regex matcher: the RE2 engine is loaded for it, and then the list follows.
    fireEvent.change(box, { target: { value: 'backup @gateway=~"eu-2"' } });
    await waitFor(() =>
      expect(articles()).toEqual([
        '{job="backup", instance="db-1"} on eu-2',
        '{job="backup", instance="db-2"} on eu-2',
      ]),
    );
    fireEvent.change(box, { target: { value: '@foo="x"' } });
    expect(screen.getByText('unknown filter @foo: only @gateway is known')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers a prune rule for one @gateway="x", and none for a gateway pattern a rule cannot say', async () => {
    renderPage(multiGroups);
    const box = screen.getByRole('searchbox', { name: 'Filter groups' });
    fireEvent.change(box, { target: { value: 'job="backup" @gateway="eu-1"' } });
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(screen.getByRole('button', { name: /Copy as prune rule/ })).toBeTruthy();
    fireEvent.change(box, { target: { value: 'job="backup" @gateway=~"eu-.*"' } });
    // A regex: the RE2 engine loads for it (at once if an earlier test loaded it), then the page follows.
    await waitFor(() => expect(screen.queryByRole('button', { name: /Copy as prune rule/ })).toBeNull());
  });

  it('offers only the groups on several gateways, with their count', () => {
    renderPage(multiGroups);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    fireEvent.click(screen.getByRole('button', { name: 'Only groups on several gateways (2)' }));
    expect(search().getAll('only')).toEqual(['duplicated']);
    expect(articles()).toEqual(['{job="backup", instance="db-1"} on eu-1', '{job="backup", instance="db-1"} on eu-2']);
  });

  it('arranges by gateway, then job: job sections start again under each gateway and select only its groups', () => {
    renderPage(multiGroups);
    expect(screen.queryByRole('heading', { name: /^Gateway/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Arrange' }), { target: { value: 'gateway' } });
    expect(search().get('by')).toBe('gateway');
    // Each gateway and each of its jobs with their groups by state.
    expect(screen.getAllByRole('heading', { level: 2 }).map(spoken)).toEqual([
      'Gateway eu-1 · 2 groups2 fresh',
      'Gateway eu-2 · 2 groups2 fresh',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map(spoken)).toEqual([
      'job backup 1 group',
      'job etl 1 group',
      'job backup 2 groups',
    ]);
    expect(articles()).toEqual([
      '{job="backup", instance="db-1"} on eu-1',
      '{job="etl"} on eu-1',
      '{job="backup", instance="db-1"} on eu-2',
      '{job="backup", instance="db-2"} on eu-2',
    ]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all in job backup on eu-2' }));
    const checked = screen
      .getAllByRole('checkbox', { name: /^Select \{/ })
      .filter((c) => (c as HTMLInputElement).checked)
      .map((c) => c.getAttribute('aria-label'));
    expect(checked).toEqual([
      'Select {job="backup", instance="db-1"} on eu-2',
      'Select {job="backup", instance="db-2"} on eu-2',
    ]);

    // Another sort shows one flat list, and the arrangement has nothing to say.
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'oldest' } });
    expect(screen.queryByRole('heading', { name: /^Gateway/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Arrange' })).toBeNull();
  });

  it('moves with j from the top to the first job row, past the gateway heading, then to its first group', async () => {
    window.history.replaceState(null, '', '/?by=gateway');
    renderPage(multiGroups);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'j' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'job backup 1 group', expanded: true }));
    await act(async () => {
      fireEvent.keyDown(document.activeElement!, { key: 'j' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const first = screen.getByRole('article', { name: '{job="backup", instance="db-1"} on eu-1' });
    expect(document.activeElement).toBe(within(first).getByRole('button', { name: /famil/ }));
    await act(async () => {
      fireEvent.keyDown(document.activeElement!, { key: 'j' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    await act(async () => {
      fireEvent.keyDown(document.activeElement!, { key: 'j' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const next = screen.getByRole('article', { name: '{job="etl"} on eu-1' });
    expect(document.activeElement).toBe(within(next).getByRole('button', { name: /famil/ }));
  });
});

describe('the groups page with one gateway', () => {
  it('looks as it always has: selector names, no chips, no gateway summary, arrangement or duplicates', () => {
    // A link made with several gateways changes nothing here.
    window.history.replaceState(null, '', '/?by=gateway&gw=eu-1&only=duplicated');
    renderPage(oneGroups, DEFAULT_CONFIG);
    expect(articles()).toEqual(['{job="backup", instance="db-1"}', '{job="etl"}']);
    expect(screen.getByRole('checkbox', { name: 'Select {job="backup", instance="db-1"}' })).toBeTruthy();
    expect(screen.queryByTitle(/^Gateway/)).toBeNull();
    expect(summaryButtons()).toEqual(['2 groups', '2 jobs', '2 families', '2 series']);
    expect(
      within(screen.getByRole('group', { name: /Quick filters by state/ }))
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Needs attention (0)', 'Failed (0)', 'Stale (0)', 'Fresh (2)']);
    expect(screen.queryByRole('combobox', { name: 'Arrange' })).toBeNull();
    expect(screen.queryByRole('button', { name: /several gateways/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /^Gateway/ })).toBeNull();
    expect(screen.getAllByRole('heading', { level: 2 }).map(spoken)).toEqual(['job backup 1 group', 'job etl 1 group']);
  });
});

describe('the groups page as time passes', () => {
  it('marks a group stale when the clock passes its threshold, with no new data', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      window.history.replaceState(null, '', '/?stale=1m');
      const t = Date.now() / 1000;
      renderPage(
        [
          groupOn(undefined, { job: 'backup', instance: 'db-1' }, { pushed: t - 50 }),
          groupOn(undefined, { job: 'etl' }, { pushed: t - 5 }),
        ],
        DEFAULT_CONFIG,
      );
      expect(screen.getByRole('button', { name: 'Stale (0)' })).toBeTruthy();
      // Two ticks of the page's clock later the first push is 60 s old; the second is not.
      await act(async () => vi.advanceTimersByTime(15_000));
      expect(screen.getByRole('button', { name: 'Stale (1)' })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
      expect(screen.getByRole('button', { name: 'Delete 1 stale group' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
