// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Group } from '../../core/metrics-types';
import { CADENCE_QUERY_KEY } from './api';
import { FOLLOW_MIN_GAP_MS, useCadenceFollows } from './useCadenceFollows';

const group = (key: string) => ({ key, labels: { job: key }, pushTime: 1, families: [] }) as unknown as Group;

function Follower({ groups }: { groups: Group[] | undefined }) {
  useCadenceFollows(groups);
  return null;
}

let client: QueryClient;
let asked: number;
const wrap = (node: ReactNode) => <QueryClientProvider client={client}>{node}</QueryClientProvider>;

beforeEach(() => {
  vi.useFakeTimers();
  const meta = document.createElement('meta');
  meta.name = 'pushboard-events';
  document.head.append(meta);
  client = new QueryClient();
  asked = 0;
  const invalidate = client.invalidateQueries.bind(client);
  client.invalidateQueries = (filters, options) => {
    if (JSON.stringify(filters?.queryKey) === JSON.stringify(CADENCE_QUERY_KEY)) asked++;
    return invalidate(filters, options);
  };
});

afterEach(() => {
  vi.useRealTimers();
  document.head.querySelector('meta[name="pushboard-events"]')?.remove();
});

test('a group the page had not seen asks for the rhythms again; pushes to known groups do not', () => {
  const view = render(wrap(<Follower groups={[group('a')]} />));
  view.rerender(wrap(<Follower groups={[group('a')]} />));
  expect(asked).toBe(0);
  view.rerender(wrap(<Follower groups={[group('a'), group('weekly')]} />));
  expect(asked).toBe(1);
  view.rerender(wrap(<Follower groups={[group('a'), group('weekly')]} />));
  expect(asked).toBe(1);
});

test('the first list after an empty page asks again: the rhythms were read before it arrived', () => {
  const view = render(wrap(<Follower groups={undefined} />));
  expect(asked).toBe(0);
  view.rerender(wrap(<Follower groups={[group('weekly')]} />));
  expect(asked).toBe(1);
});

test('groups appearing fast ask at most once per gap, and the last one is not forgotten', () => {
  const view = render(wrap(<Follower groups={[group('a')]} />));
  view.rerender(wrap(<Follower groups={[group('a'), group('b')]} />));
  expect(asked).toBe(1);
  view.rerender(wrap(<Follower groups={[group('a'), group('b'), group('c')]} />));
  view.rerender(wrap(<Follower groups={[group('a'), group('b'), group('c'), group('d')]} />));
  expect(asked).toBe(1);
  vi.advanceTimersByTime(FOLLOW_MIN_GAP_MS);
  expect(asked).toBe(2);
});

test('without the Pushboard server there are no rhythms to ask for', () => {
  document.head.querySelector('meta[name="pushboard-events"]')?.remove();
  const view = render(wrap(<Follower groups={[group('a')]} />));
  view.rerender(wrap(<Follower groups={[group('a'), group('b')]} />));
  vi.advanceTimersByTime(FOLLOW_MIN_GAP_MS * 2);
  expect(asked).toBe(0);
});
