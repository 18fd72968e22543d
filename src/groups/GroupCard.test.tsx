// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { renderWithClient } from '../testing/render';
import { CleanupProvider } from './cleanup/CleanupContext';
import { GroupCard } from './GroupCard';

afterEach(cleanup);

const card = (group: Group) => (
  <GroupCard key={group.key} group={group} stale={false} selected={false} expanded onToggle={() => {}} showJob />
);

describe('GroupCard', () => {
  it('shows a group it cannot draw as such, and the other groups as usual', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = parseGroup({ labels: { job: 'good' }, last_push_successful: true }, 0);
    const bad = {
      ...parseGroup({ labels: { job: 'bad' }, last_push_successful: true }, 1),
      families: null,
    } as unknown as Group;
    renderWithClient(
      <CleanupProvider>
        {card(bad)}
        {card(good)}
      </CleanupProvider>,
    );
    expect(screen.getByRole('article', { name: '{job="bad"}' }).textContent).toContain('This group cannot be shown');
    expect(screen.getByRole('article', { name: '{job="good"}' }).textContent).toContain('no instance');
    vi.mocked(console.error).mockRestore();
  });
});
