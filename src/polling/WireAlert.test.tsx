// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { WireAlert } from './WireAlert';
import { noteServerWire, resetWireCheck } from '../data/wire-check';

afterEach(() => {
  cleanup();
  resetWireCheck();
});

describe('the reload banner', () => {
  it('stays away while the server speaks this page’s major version', () => {
    render(<WireAlert />);
    act(() => void noteServerWire('1.7'));
    act(() => void noteServerWire(undefined));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for a reload once the server speaks another major version, with a Reload button', async () => {
    const reload = vi.fn();
    render(<WireAlert reload={reload} />);
    act(() => void noteServerWire('2.0'));
    const alert = await screen.findByRole('alert', { name: 'Pushboard was updated on the server: reload this page' });
    expect(alert.textContent).toContain('version 2.0');
    screen.getByRole('button', { name: 'Reload' }).click();
    expect(reload).toHaveBeenCalledOnce();
  });
});
