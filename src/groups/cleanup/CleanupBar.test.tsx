// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { parseGroup } from '../../../core/metrics';
import { polyfillDialog, renderWithClient } from '../../testing/render';
import { CleanupBar } from './CleanupBar';
import { CleanupProvider, useCleanupState } from './CleanupContext';

const groups = [
  parseGroup(
    {
      labels: { job: 'a' },
      last_push_successful: true,
      m: { time_stamp: '', type: 'GAUGE', metrics: [{ labels: { job: 'a' }, value: '1' }] },
    },
    0,
  ),
];

/** The list's toolbar, which goes away as a wipe empties the list. */
function Page() {
  const [shown, setShown] = useState(true);
  const { dialogOpen } = useCleanupState();
  return (
    <>
      <output aria-label="paused">{String(dialogOpen)}</output>
      <button type="button" onClick={() => setShown(false)}>
        Empty the list
      </button>
      {shown && <CleanupBar groups={groups} shown={groups} filtering={false} stale={[]} onShowAll={() => {}} />}
    </>
  );
}

beforeEach(() => {
  polyfillDialog();
  // The gateway's status says the admin API is on, so Wipe is offered.
  const status = { status: 'success', data: { flags: { 'web.enable-admin-api': 'true' } } };
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(status), { status: 200 }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CleanupBar', () => {
  it('does not leave the page paused when it goes away with its wipe dialog open', async () => {
    renderWithClient(
      <CleanupProvider>
        <Page />
      </CleanupProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete all groups' }, { timeout: 5000 }));
    expect(screen.getByRole('alertdialog', { name: 'Delete all groups' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'paused' }).textContent).toBe('true');
    // The wipe empties the list before the dialog's close event: the bar and its dialog unmount.
    fireEvent.click(screen.getByRole('button', { name: 'Empty the list', hidden: true }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('status', { name: 'paused' }).textContent).toBe('false');
  });
});
