// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { parseGroup } from '../../../core/metrics';
import { renderWithClient } from '../../testing/render';
import { Notices } from './Notices';
import { NOTICE_MS, type Notice } from './notice-types';

const group = (job: string) => parseGroup({ labels: { job }, last_push_successful: true }, 0);
const deleted = (id: number, job: string): Notice => ({ id, kind: 'deleted', groups: [group(job)], copies: new Map() });

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** Focus elsewhere on the page, so no notice takes it (a notice with focus is held too). */
function focusElsewhere() {
  const input = document.body.appendChild(document.createElement('input'));
  input.focus();
}

function show(notices: Notice[]) {
  focusElsewhere();
  const onDismiss = vi.fn();
  renderWithClient(<Notices notices={notices} onUndo={vi.fn()} onRetry={vi.fn()} onDismiss={onDismiss} />);
  return onDismiss;
}

describe('notices', () => {
  it('stay while hovered, and leave NOTICE_MS after the pointer does', () => {
    vi.useFakeTimers();
    const onDismiss = show([deleted(1, 'a')]);
    const notice = screen.getByRole('status');
    fireEvent.pointerEnter(notice);
    act(() => vi.advanceTimersByTime(NOTICE_MS * 3));
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.pointerLeave(notice);
    act(() => vi.advanceTimersByTime(NOTICE_MS - 1000));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1000));
    expect(onDismiss).toHaveBeenCalledWith(1);
  });

  it('keep failures until dismissed, and fold older successes into one line', () => {
    vi.useFakeTimers();
    const failed: Notice = {
      id: 9,
      kind: 'failed',
      action: 'delete',
      failures: [{ group: group('x'), message: 'no' }],
    };
    const onDismiss = show([deleted(1, 'a'), deleted(2, 'b'), failed, deleted(3, 'c'), deleted(4, 'd')]);
    expect(screen.getAllByRole('button', { name: /^Undo delete of/ }).map((b) => b.getAttribute('aria-label'))).toEqual(
      ['Undo delete of {job="b"}', 'Undo delete of {job="c"}', 'Undo delete of {job="d"}'],
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 earlier notice' }));
    expect(screen.getByRole('button', { name: 'Undo delete of {job="a"}' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(NOTICE_MS * 2));
    expect(onDismiss.mock.calls.map(([id]) => id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('close on Esc', () => {
    const onDismiss = show([deleted(1, 'a')]);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo delete of {job="a"}' }), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledWith(1);
  });
});
