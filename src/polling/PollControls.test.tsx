// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { gatewayKeys } from '../gateway/keys';
import { renderWithClient } from '../testing/render';
import { PollControls } from './PollControls';
import { PollingProvider, usePolling } from './PollingContext';
import { FRESH_MEMORY, pace, remember, type PollSource } from '../data';

function Interval() {
  return <output aria-label="interval">{String(usePolling().refetchInterval)}</output>;
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('poll controls', () => {
  it('change the interval (remembered), pause and resume, and refresh at once', () => {
    const { queryClient } = renderWithClient(
      <PollingProvider>
        <PollControls updatedAt={0} />
        <Interval />
      </PollingProvider>,
    );
    const refresh = vi.spyOn(queryClient, 'invalidateQueries');
    const interval = () => screen.getByRole('status', { name: 'interval' }).textContent;
    expect(interval()).toBe('5000');

    fireEvent.change(screen.getByRole('combobox', { name: 'Refresh every' }), { target: { value: '10000' } });
    expect(interval()).toBe('10000');
    expect(localStorage.getItem('pushboard.pollIntervalMs')).toBe('10000');

    fireEvent.click(screen.getByRole('button', { name: 'Pause polling' }));
    expect(interval()).toBe('false');
    expect(screen.getByRole('button', { name: 'Resume polling' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Resume polling' }));
    expect(interval()).toBe('10000');

    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(refresh).toHaveBeenCalledWith({ queryKey: gatewayKeys.metrics() });
  });

  it('say at what interval the browser really polls, and why, when it is not the one chosen', () => {
    const slow = pace(5_000, remember(FRESH_MEMORY, { at: 0, fetchMs: 900 }));
    const { rerender } = renderWithClient(
      <PollingProvider>
        <PollControls updatedAt={0} source={{ kind: 'browser', pace: slow }} />
      </PollingProvider>,
    );
    expect(screen.getByRole('combobox', { name: 'Refresh every' })).toHaveProperty('value', '5000');
    expect(screen.getByRole('status', { name: 'Polling pace' }).textContent).toBe(
      'Polling every 9 s: the gateway took 0.9 s to answer, and Pushboard waits at least 10 times that.',
    );

    const limited = pace(5_000, remember(FRESH_MEMORY, { at: 0, status: 429, retryAfter: '30' }));
    rerender(
      <PollingProvider>
        <PollControls updatedAt={0} source={{ kind: 'browser', pace: limited }} />
      </PollingProvider>,
    );
    expect(screen.getByRole('status', { name: 'Polling pace' }).textContent).toBe(
      'Next poll in 30 s: the gateway answered 429 Too Many Requests and asked, with Retry-After, to wait.',
    );

    // Paused, nothing is polled: no pace to explain.
    fireEvent.click(screen.getByRole('button', { name: 'Pause polling' }));
    expect(screen.queryByRole('status', { name: 'Polling pace' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume polling' }));

    rerender(
      <PollingProvider>
        <PollControls updatedAt={0} source={{ kind: 'browser', pace: pace(5_000, FRESH_MEMORY) }} />
      </PollingProvider>,
    );
    expect(screen.queryByRole('status', { name: 'Polling pace' })).toBeNull();
  });

  it('following the server, show its interval instead of a choice, and make it poll on Refresh now', async () => {
    let answer = () => {};
    const refresh = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const { queryClient } = renderWithClient(
      <PollingProvider>
        <PollControls updatedAt={0} source={{ kind: 'server', intervalMs: 60_000, refresh }} />
        <Interval />
      </PollingProvider>,
    );
    const refetch = vi.spyOn(queryClient, 'invalidateQueries');
    expect(screen.queryByRole('combobox', { name: 'Refresh every' })).toBeNull();
    expect(screen.getByText('Server polls every 1 min')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(refresh).toHaveBeenCalledTimes(1);
    // The page takes the new data once the server's poll has ended.
    expect(refetch).not.toHaveBeenCalled();
    answer();
    await waitFor(() => expect(refetch).toHaveBeenCalledWith({ queryKey: gatewayKeys.metrics() }));

    // Pausing still stops applying the stream.
    fireEvent.click(screen.getByRole('button', { name: 'Pause polling' }));
    expect(screen.getByRole('status', { name: 'interval' }).textContent).toBe('false');
  });

  it('say beside the choice which interval is in effect and why: the gateway, other tabs, a hidden tab', () => {
    const shown = () => screen.queryByRole('status', { name: 'Interval in effect' })?.textContent;
    const render = (source: PollSource) =>
      renderWithClient(
        <PollingProvider>
          <PollControls updatedAt={0} source={source} />
        </PollingProvider>,
      );
    const { rerender } = render({ kind: 'browser', pace: pace(5_000, FRESH_MEMORY) });
    expect(shown()).toBeUndefined();
    const again = (source: PollSource) =>
      rerender(
        <PollingProvider>
          <PollControls updatedAt={0} source={source} />
        </PollingProvider>,
      );
    again({ kind: 'browser', pace: pace(5_000, remember(FRESH_MEMORY, { at: 0, fetchMs: 1200 })), tabs: 3 });
    expect(shown()).toBe('Polling every 12 s: gateway slow, shared by 3 tabs');
    // Another tab chose 2 s: the shared poll goes at the shortest interval wanted.
    again({ kind: 'browser', pace: pace(2_000, FRESH_MEMORY), tabs: 2 });
    expect(shown()).toBe('Polling every 2 s: another tab chose 2 s, shared by 2 tabs');
    again({ kind: 'browser', pace: pace(5_000, remember(FRESH_MEMORY, { at: 0, status: 503 })), tabs: 1 });
    expect(shown()).toBe('Next poll in 10 s: gateway refused');

    // Hidden: alone, no polls at all; shared, the others' polls still arrive.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    again({ kind: 'browser', pace: pace(5_000, FRESH_MEMORY) });
    expect(shown()).toBe('Not polling while hidden');
    again({ kind: 'browser', pace: pace(5_000, FRESH_MEMORY), tabs: 2 });
    expect(shown()).toBe('Polling every 5 s: shared by 2 tabs, this tab hidden');
    again({ kind: 'browser', pace: undefined, tabs: 2 });
    expect(shown()).toBe('Not polling while hidden');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});
