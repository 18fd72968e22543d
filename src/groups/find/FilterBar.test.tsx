// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithClient } from '../../testing/render';
import { FilterBar } from './FilterBar';
import { useFindState } from './useFindState';
import { ListOptions } from './ListOptions';
import { useDensity } from './useDensity';
import { Disclosure } from '../../components/Disclosure';

const counts = { attention: 1, failed: 0, malformed: 0, overdue: 0, stale: 1, fresh: 1 };

function Find() {
  const find = useFindState();
  const [density, setDensity] = useDensity();
  return (
    <FilterBar find={find} error={undefined} stateCounts={counts} overdueKnown={false}>
      <Disclosure label="Options">
        <ListOptions
          find={find}
          threshold={{ text: '1h', set: () => true }}
          families={[['rows', 2]]}
          dueCount={null}
          duplicatedCount={null}
          pruneRule={null}
          multi={false}
          overdueKnown={false}
          density={density}
          onDensity={setDensity}
        />
      </Disclosure>
    </FilterBar>
  );
}

afterEach(async () => {
  // A typed filter reaches the address bar a frame later: let that write happen while the page
  // still exists, not after the test environment is gone.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('the filter and the URL', () => {
  it('writes what is typed and chosen to the URL, and follows the URL back', async () => {
    window.history.replaceState(null, '', '/?q=job%3D%22a%22#/');
    renderWithClient(<Find />);
    const box = screen.getByRole('searchbox', { name: 'Filter groups' }) as HTMLInputElement;
    expect(box.value).toBe('job="a"');

    fireEvent.change(box, { target: { value: 'backup' } });
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('backup'));
    fireEvent.click(screen.getByRole('button', { name: 'Stale (1)' }));
    expect(new URLSearchParams(window.location.search).getAll('only')).toEqual(['stale']);
    // State filters add up (any of them), each pressed.
    fireEvent.click(screen.getByRole('button', { name: 'Needs attention (1)' }));
    expect(new URLSearchParams(window.location.search).getAll('only')).toEqual(['stale', 'attention']);
    expect(screen.getByRole('button', { name: 'Stale (1)' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Needs attention (1)' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'With family' }), { target: { value: 'rows' } });
    expect(window.location.search).toContain('family=rows');

    // Back (or a pasted link) changes the URL: the box follows.
    act(() => {
      window.history.pushState(null, '', '/?q=etl#/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(box.value).toBe('etl');
    expect(screen.getByRole('button', { name: 'Stale (1)' }).getAttribute('aria-pressed')).toBe('false');

    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.value).toBe('');
  });
});

describe('the Options menu', () => {
  it('holds the order and the row density, both written to the URL', () => {
    renderWithClient(<Find />);
    expect(screen.queryByRole('combobox', { name: 'Sort by' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'oldest' } });
    expect(new URLSearchParams(window.location.search).get('sort')).toBe('oldest');
    const compact = screen.getByRole('button', { name: 'Compact rows, one line a group' });
    expect(compact.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(compact);
    expect(new URLSearchParams(window.location.search).get('view')).toBe('compact');
    expect(compact.getAttribute('aria-pressed')).toBe('true');
  });
});
