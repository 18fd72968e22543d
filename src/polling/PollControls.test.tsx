// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { gatewayKeys } from '../gateway/keys';
import { renderWithClient } from '../testing/render';
import { PollControls } from './PollControls';
import { PollingProvider, usePolling } from './PollingContext';

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
});
