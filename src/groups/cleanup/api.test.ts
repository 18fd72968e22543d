// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseGroup } from '../../../core/metrics';
import { createGatewayClient } from '../../gateway/client';
import { deleteGroups, withGroups, withoutGroups } from './api';

const client = createGatewayClient();

const group = (job: string, instance?: string) =>
  parseGroup({ labels: instance ? { job, instance } : { job }, last_push_successful: true }, 0);

afterEach(() => vi.unstubAllGlobals());

describe('deleteGroups', () => {
  it('reports every failure per group and keeps every success', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${new URL(url).pathname}`);
      return url.includes('YnJva2Vu') // "broken"
        ? new Response('write queue is full', { status: 500, statusText: 'Internal Server Error' })
        : new Response('', { status: 202 });
    });
    const groups = [group('a'), group('broken'), group('a', 'x'), group('c')];
    const { done, failed } = await deleteGroups(client, groups);
    expect(done.map((g) => g.selector).sort()).toEqual(['{job="a", instance="x"}', '{job="a"}', '{job="c"}']);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.group.selector).toBe('{job="broken"}');
    expect(failed[0]!.message).toContain('500 Internal Server Error');
    expect(failed[0]!.message).toContain('write queue is full');
    expect(calls.sort()).toEqual([
      'DELETE /metrics/job@base64/YQ',
      'DELETE /metrics/job@base64/YQ/instance@base64/eA',
      'DELETE /metrics/job@base64/YnJva2Vu',
      'DELETE /metrics/job@base64/Yw',
    ]);
  });

  it('reports an unreachable gateway for each group', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const { done, failed } = await deleteGroups(client, [group('a'), group('b')]);
    expect(done).toEqual([]);
    expect(failed.map((f) => f.message)).toEqual([
      expect.stringContaining('Network error'),
      expect.stringContaining('Network error'),
    ]);
  });
});

describe('withoutGroups and withGroups', () => {
  it('drop groups, and put them back in order without replacing newer ones', () => {
    const groups = [group('a', '1'), group('a', '2'), group('b'), group('c')];
    const data = withoutGroups({ groups }, new Set(['{job="a", instance="1"}', '{job="b"}']));
    expect(data.groups.map((g) => g.selector)).toEqual(['{job="a", instance="2"}', '{job="c"}']);
    const newer = group('c');
    const back = withGroups({ groups: [data.groups[0]!, newer] }, groups);
    expect(back.groups.map((g) => g.selector)).toEqual(groups.map((g) => g.selector));
    expect(back.groups[3]).toBe(newer);
  });
});
