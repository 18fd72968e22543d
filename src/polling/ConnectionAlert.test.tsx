// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { GatewayError } from '../gateway/client';
import { FRESH_MEMORY, pace, remember } from '../data';
import { ConnectionAlert } from './ConnectionAlert';

afterEach(cleanup);

const AT = Date.parse('2026-11-25T20:00:00Z');
const refused = (status: number, retryAfter?: string) =>
  pace(2_000, remember(FRESH_MEMORY, { at: AT, fetchMs: 3, status, retryAfter }));
const error = (status: number, text: string) =>
  new GatewayError('http', `The gateway answered ${status} ${text} for api/v1/metrics.`, status);

describe('connection alert', () => {
  it('says a 429 asked us to slow down, and when the next try is, as its Retry-After asked', () => {
    render(
      <ConnectionAlert
        error={error(429, 'Too Many Requests')}
        lastSuccess={AT - 60_000}
        retrying
        pace={refused(429, '30')}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The gateway asked us to slow down (429 Too Many Requests).');
    expect(alert.textContent).toContain('Next try in 30 s (at 2026-11-25 20:00:30 UTC), as its Retry-After asked.');
    expect(alert.textContent).toContain('The gateway answered 429 Too Many Requests for api/v1/metrics.');
    expect(alert.textContent).toContain('Last successful update: 2026-11-25 19:59:00 UTC');
    expect(alert.textContent).not.toContain('Retrying automatically');
  });

  it('says a 503 without Retry-After backs off, and names a capped Retry-After', () => {
    const { rerender } = render(
      <ConnectionAlert error={error(503, 'Service Unavailable')} lastSuccess={0} retrying pace={refused(503)} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The gateway is unavailable for now (503 Service Unavailable).');
    expect(alert.textContent).toContain(
      'Next try in 4 s (at 2026-11-25 20:00:04 UTC): it sent no Retry-After, so Pushboard doubles its wait after each refusal in a row, up to 5 min.',
    );
    rerender(
      <ConnectionAlert
        error={error(503, 'Service Unavailable')}
        lastSuccess={0}
        retrying
        pace={refused(503, '7200')}
      />,
    );
    expect(alert.textContent).toContain(
      'Next try in 10 min (at 2026-11-25 20:10:00 UTC): its Retry-After asked for 120 min, and Pushboard waits at most 10 min.',
    );
  });

  it('keeps the plain words for other trouble, and for a refusal while paused', () => {
    const { rerender } = render(
      <ConnectionAlert
        error={new GatewayError('network', 'Network error: could not reach the gateway for api/v1/metrics.')}
        lastSuccess={0}
        retrying
        pace={pace(2_000, FRESH_MEMORY)}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Cannot load data from the Pushgateway.');
    expect(alert.textContent).toContain('No data has been loaded yet. Retrying automatically.');
    rerender(
      <ConnectionAlert
        error={error(429, 'Too Many Requests')}
        lastSuccess={0}
        retrying={false}
        pace={refused(429, '30')}
      />,
    );
    expect(alert.textContent).toContain('The gateway asked us to slow down (429 Too Many Requests).');
    expect(alert.textContent).not.toContain('Next try');
    expect(alert.textContent).toContain('Polling is paused: use Refresh now to try again.');
  });
});
