// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FailedPush } from './PushHistory';

afterEach(cleanup);

describe('FailedPush', () => {
  it('blames a TYPE change of a shared name, not a differing HELP (both gateways accept one)', () => {
    render(<FailedPush history={{ shared: [{ name: 'rows', type: 'GAUGE', help: 'Rows read.', groups: 2 }] }} />);
    const [shared] = screen.getAllByRole('listitem');
    expect(shared).toHaveProperty(
      'textContent',
      'Metric names this group shares with other groups, whose TYPE a push must keep (a push that changes it is ' +
        'refused as “inconsistent with existing metrics”; a different HELP is accepted, and the gateway shows one ' +
        'of the two): rows (gauge, HELP “Rows read.”, in 2 other groups).',
    );
    expect(shared!.textContent).not.toMatch(/TYPE and HELP|TYPE or HELP/);
  });

  it('says there is no TYPE clash when no other group holds the names', () => {
    render(<FailedPush history={{ shared: [] }} />);
    expect(screen.getAllByRole('listitem')[0]).toHaveProperty(
      'textContent',
      'No other group holds this group’s metric names: no TYPE clash with them.',
    );
  });

  it('shows a pushed HELP as text, not markup', () => {
    render(
      <FailedPush
        history={{ shared: [{ name: 'x', type: 'COUNTER', help: '<img src=x onerror=alert(1)>', groups: 1 }] }}
      />,
    );
    expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('HELP “<img src=x onerror=alert(1)>”');
    expect(document.querySelector('img')).toBeNull();
  });
});
