// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { Group } from '../../../core/metrics-types';
import { DEFAULT_CONFIG } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import { gatewayKeys } from '../../gateway/keys';
import { PollingProvider } from '../../polling/PollingContext';
import { groupOn } from '../../testing/gateway-groups';
import { freshClient, renderWithClient } from '../../testing/render';
import { GroupsPage } from '../GroupsPage';
import type { GroupsData } from '../../data';

const now = Date.now() / 1000;
const group = (job: string, instance: string, ago: number) =>
  groupOn(undefined, { job, instance }, { pushed: now - ago });
const failed = (g: Group): Group => ({ ...g, lastPushSuccessful: false, failureTime: now - 5 });
// In job order, as the model has them. The default stale threshold is 1 h.
const groups = [
  group('aaa', 'a-1', 600),
  group('backup', 'db-1', 600),
  failed(group('backup', 'db-2', 1200)),
  group('backup', 'db-3', 7200),
  group('etl', 'e-1', 1800),
  group('etl', 'e-2', 2400),
];

function renderPage(data: GroupsData) {
  const client = freshClient();
  client.setQueryData(gatewayKeys.metrics(), data);
  return renderWithClient(
    <ConfigContext value={DEFAULT_CONFIG}>
      <PollingProvider>
        <GroupsPage />
      </PollingProvider>
    </ConfigContext>,
    client,
  );
}

/** What a screen reader reads of an element: its text without the marks hidden from it. */
function spoken(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}
const jobRows = () => [...document.querySelectorAll('[data-job-row]')].map(spoken);
const articles = () => screen.queryAllByRole('article').map((a) => a.getAttribute('aria-label'));

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(async () => {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('the job overview', () => {
  it('counts each job’s groups by state, and puts the jobs needing attention first', () => {
    renderPage({ groups });
    expect(jobRows()).toEqual([
      'job backup 3 groups1 failed1 stale1 freshnewest 10 min ago, oldest 2 h ago',
      'job aaa 1 group1 freshnewest 10 min ago',
      'job etl 2 groups2 freshnewest 30 min ago, oldest 40 min ago',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'job-name' } });
    expect(jobRows().map((r) => r.split(' ')[1])).toEqual(['aaa', 'backup', 'etl']);
  });

  it('shows groups in any of the states picked (OR), within the text filter (AND)', () => {
    renderPage({ groups });
    fireEvent.click(screen.getByRole('button', { name: 'Failed (1)' }));
    expect(articles()).toEqual(['{job="backup", instance="db-2"}']);
    fireEvent.click(screen.getByRole('button', { name: 'Stale (1)' }));
    expect(articles()).toEqual(['{job="backup", instance="db-2"}', '{job="backup", instance="db-3"}']);
    // Only the job with groups shown has a row; its counts are of what is shown.
    expect(jobRows()).toEqual(['job backup 2 groups1 failed1 stalenewest 20 min ago, oldest 2 h ago']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter groups' }), { target: { value: 'db-3' } });
    expect(articles()).toEqual(['{job="backup", instance="db-3"}']);
    // Needs attention: failed, or stale without a usual interval.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter groups' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Failed (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stale (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Needs attention (2)' }));
    expect(articles()).toEqual(['{job="backup", instance="db-2"}', '{job="backup", instance="db-3"}']);
  });

  it('shows no number until the whole snapshot is in', () => {
    renderPage({ groups: groups.slice(0, 3), partial: 500 });
    expect(screen.getByRole('status').textContent).toBe('Loading all 500 groups…');
    expect(screen.queryByRole('button', { name: /^\d+ groups?$/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Failed' })).toBeTruthy();
    expect(
      jobRows().every((r) => r.includes('counting when all groups are in…') && !/\d+ (failed|fresh)/.test(r)),
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Actions' })).toBeNull();
  });
});
