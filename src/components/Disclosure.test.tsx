// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Disclosure } from './Disclosure';

afterEach(cleanup);

function Page() {
  return (
    <>
      <input aria-label="Filter groups" />
      <Disclosure label="Options">
        <select aria-label="Sort by">
          <option>Name</option>
        </select>
      </Disclosure>
    </>
  );
}

it('closes when focus moves to a control outside it, and stays open while focus is inside', () => {
  render(<Page />);
  const toggle = screen.getByRole('button', { name: 'Options' });
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  act(() => screen.getByRole('combobox', { name: 'Sort by' }).focus());
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  act(() => screen.getByRole('textbox', { name: 'Filter groups' }).focus());
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('combobox', { name: 'Sort by' })).toBeNull();
});
