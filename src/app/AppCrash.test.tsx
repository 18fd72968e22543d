// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AppCrash } from './AppCrash';

function Broken(): never {
  throw new Error('render failed: bad group');
}

afterEach(cleanup);

describe('the app-level error boundary', () => {
  it('shows the error and a Reload button instead of a blank page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary fallback={(error) => <AppCrash error={error} />}>
        <Broken />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Pushboard stopped with an error');
    expect(alert.textContent).toContain('render failed: bad group');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    vi.restoreAllMocks();
  });
});
