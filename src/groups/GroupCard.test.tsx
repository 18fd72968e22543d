// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { parseGroup } from '../../core/metrics';
import type { Group } from '../../core/metrics-types';
import { renderWithClient } from '../testing/render';
import { groupOn } from '../testing/gateway-groups';
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

  it('names a group it cannot draw with its gateway too, when there are several', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = { ...groupOn('eu-1', { job: 'bad' }), families: null } as unknown as Group;
    renderWithClient(<CleanupProvider>{card(bad)}</CleanupProvider>);
    expect(screen.getByRole('article', { name: '{job="bad"} on eu-1' }).textContent).toContain(
      'This group cannot be shown',
    );
    vi.mocked(console.error).mockRestore();
  });

  it('shows the gateway as a chip and the other gateways holding the key, never with one gateway', () => {
    const dup = { gateway: 'us-1', key: 'k', pushTimeDelta: 0.2, sameValues: true };
    renderWithClient(
      <CleanupProvider>
        <GroupCard
          group={groupOn('eu-1', { job: 'a' })}
          stale={false}
          selected={false}
          expanded={false}
          onToggle={() => {}}
          showJob={false}
          duplicates={[dup]}
        />
        {card(groupOn(undefined, { job: 'b' }))}
      </CleanupProvider>,
    );
    const multi = screen.getByRole('article', { name: '{job="a"} on eu-1' });
    expect(within(multi).getByTitle('Gateway eu-1').textContent).toBe('eu-1');
    expect(multi.textContent).toContain('Also on us-1, pushed at the same time · same values');
    const one = screen.getByRole('article', { name: '{job="b"}' });
    expect(within(one).queryByTitle(/^Gateway/)).toBeNull();
    expect(within(one).getByRole('checkbox', { name: 'Select {job="b"}' })).toBeTruthy();
  });
});
