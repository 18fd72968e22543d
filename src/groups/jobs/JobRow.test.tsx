// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { DEFAULT_CONFIG } from '../../config/config';
import { ConfigContext } from '../../config/ConfigContext';
import { groupOn } from '../../testing/gateway-groups';
import { renderWithClient } from '../../testing/render';
import { CleanupProvider } from '../cleanup/CleanupContext';
import { JobRow } from './JobRow';
import { jobSections } from './sections';

const now = Math.floor(Date.now() / 1000);
const groups = [
  groupOn(undefined, { job: 'backup', instance: 'db-1' }, { pushed: now - 60 }),
  groupOn(undefined, { job: 'backup', instance: 'db-2' }, { pushed: now - 120 }),
];
const answers: Record<string, unknown> = {
  '/-/pushboard/history/jobs': {
    jobs: {
      backup: [
        { time: now - 3600, ok: true },
        { time: now - 1800, ok: false },
        { time: now - 120, ok: true },
        { time: now - 60, ok: true },
      ],
    },
  },
  '/-/pushboard/cadence': {
    available: true,
    factor: 2,
    refreshMs: 60_000,
    intervals: { [groups[1]!.key]: 600 },
    rhythms: {
      [groups[1]!.key]: {
        source: 'learned',
        intervalSeconds: 600,
        describe: 'usually every 10m',
        basis: now - 120,
        nextDue: now + 530,
        lateAt: now + 1200,
      },
    },
  },
};

function renderRow() {
  const [section] = jobSections(groups, { staleKeys: new Set(), lateKeys: null, intervals: null }, 'name');
  return renderWithClient(
    <ConfigContext value={DEFAULT_CONFIG}>
      <CleanupProvider>
        <JobRow
          section={section!}
          open={false}
          onToggle={() => {}}
          selected={new Set()}
          loading={false}
          nested={false}
        />
      </CleanupProvider>
    </ConfigContext>,
  );
}

beforeEach(() => {
  vi.stubGlobal('fetch', async (input: URL | string) => {
    const body = answers[new URL(String(input)).pathname];
    return body ? new Response(JSON.stringify(body)) : new Response('', { status: 404 });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.head.querySelector('meta[name="pushboard-events"]')?.remove();
});

describe('a job row', () => {
  it("shows the job's last pushes on a strip, named for a screen reader, with the next one expected", async () => {
    const meta = document.createElement('meta');
    meta.name = 'pushboard-events';
    document.head.append(meta);
    renderRow();
    // The strip comes with the history, the ring with the rhythms: two answers.
    const strip = await screen.findByRole('img', { name: /^Job backup: last 4 pushes .*; next expected/ });
    expect(strip.getAttribute('aria-label')).toMatch(/: 3 successful, 1 failed; next expected in 8m/);
  });

  it('shows no strip without the server, which alone keeps the history', async () => {
    renderRow();
    await screen.findByRole('button', { name: /backup/ });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('img', { name: /^Job backup/ })).toBeNull();
  });
});
