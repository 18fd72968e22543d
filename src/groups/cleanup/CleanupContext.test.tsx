// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parseGroup } from '../../../core/metrics';
import { gatewayKeys } from '../../gateway/keys';
import type { Group } from '../../../core/metrics-types';
import { polyfillDialog, renderWithClient } from '../../testing/render';
import type { GroupsData } from '../../data';
import { CleanupProvider, useCleanup } from './CleanupContext';
import { encodeDelimited, PROTO_TYPES } from '../../gateway/protobuf';

const group = (job: string) =>
  parseGroup(
    {
      labels: { job },
      last_push_successful: true,
      m: { time_stamp: '', type: 'GAUGE', metrics: [{ labels: { job }, value: '1' }] },
    },
    0,
  );

function DeleteButton({ groups }: { groups: Group[] }) {
  const { requestDelete } = useCleanup();
  return (
    <button type="button" onClick={() => requestDelete(groups, 'Delete group')}>
      Delete it
    </button>
  );
}

/** A gateway answering DELETE with 202, the undo's check with what it holds, and PUT with `put`. */
function fakeGateway(put: () => Response, held: () => unknown[] = () => []) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${new URL(url).pathname}`);
    if (method === 'DELETE') return new Response('', { status: 202 });
    if (method === 'PUT') return put();
    return new Response(JSON.stringify({ status: 'success', data: held() }), { status: 200 });
  });
  return calls;
}

function setup(groups: Group[]) {
  const rendered = renderWithClient(
    <CleanupProvider>
      <DeleteButton groups={groups} />
    </CleanupProvider>,
  );
  rendered.queryClient.setQueryData<GroupsData>(gatewayKeys.metrics(), { groups });
  const cached = () => rendered.queryClient.getQueryData<GroupsData>(gatewayKeys.metrics())!.groups.map((g) => g.job);
  return { ...rendered, cached };
}

/** Waits until the open delete dialog has read what Undo would restore (Delete is enabled then). */
async function readCopies() {
  const button = within(screen.getByRole('alertdialog')).getByRole<HTMLButtonElement>('button', { name: 'Delete' });
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

async function confirmDelete() {
  fireEvent.click(await readCopies());
}

beforeEach(polyfillDialog);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('delete → undo → refused', () => {
  it('deletes after the confirmation, and a refused undo takes the group out again and offers Retry', async () => {
    let putStatus = 500;
    const calls = fakeGateway(() => new Response('write queue is full', { status: putStatus }));
    const { cached } = setup([group('a')]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete group' });
    await readCopies();
    expect(dialog.textContent).toContain('Undo is offered for 20 seconds');
    await confirmDelete();
    expect(await screen.findByText('{job="a"}', { selector: 'span' })).toBeTruthy();
    expect(cached()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Undo delete of {job="a"}' }));
    const failure = await screen.findByRole('alert');
    expect(failure.textContent).toContain('Could not restore 1 group:');
    expect(failure.textContent).toContain('write queue is full');
    expect(cached()).toEqual([]);
    expect(calls).toContain('GET /api/v1/metrics');

    putStatus = 200;
    fireEvent.click(within(failure).getByRole('button', { name: 'Retry restore of {job="a"}' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await screen.findByText(/Restored/)).textContent).toContain('{job="a"}');
    expect(cached()).toEqual(['a']);
  });

  it('shows Undo as pending while the gateway has not answered', async () => {
    fakeGateway(() => new Promise<Response>(() => {}) as unknown as Response);
    setup([group('a')]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    await confirmDelete();
    const undo = await screen.findByRole('button', { name: 'Undo delete of {job="a"}' });
    fireEvent.click(undo);
    await waitFor(() => expect(undo.textContent).toBe('Undoing…'));
    expect(undo.getAttribute('aria-disabled')).toBe('true');
  });

  it('restores nothing when the gateway cannot be checked for newer data', async () => {
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') return new Response('', { status: 202 });
      if (init?.method === 'PUT') throw new Error('must not PUT');
      throw new TypeError('Failed to fetch');
    });
    setup([group('a')]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    await confirmDelete();
    fireEvent.click(await screen.findByRole('button', { name: 'Undo delete of {job="a"}' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be checked for newer data');
  });

  it('warns before the delete when a group cannot be restored', async () => {
    // A native histogram as 1.5.1 shows it: count and sum, no buckets.
    const stamp = {
      time_stamp: '2026-11-25T10:00:00Z',
      type: 'GAUGE',
      metrics: [{ labels: { job: 'a' }, value: '1' }],
    };
    const native = {
      labels: { job: 'a' },
      last_push_successful: true,
      push_time_seconds: stamp,
      push_failure_time_seconds: { ...stamp, metrics: [{ labels: { job: 'a' }, value: '0' }] },
      h: { ...stamp, type: 'HISTOGRAM', metrics: [{ labels: { job: 'a' }, buckets: {}, count: '2', sum: '1' }] },
    };
    fakeGateway(() => new Response(''));
    setup([parseGroup(native, 0)]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    await readCopies();
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByRole('note', { name: 'What Undo cannot restore' }).textContent).toBe(
      'This group cannot be restored by Undo:cannot restore histogram "h": this gateway shows it without buckets (a native histogram on a gateway before 1.8).',
    );
    // No promise of an Undo right under the warning.
    expect(dialog.textContent).toContain('No Undo will be offered.');
    expect(dialog.textContent).not.toContain('Undo is offered');
    await confirmDelete();
    await screen.findByText(/is not restored by Undo/);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });
  it('Undo PUTs back the bytes the gateway’s /metrics held for the group, read while the dialog was open', async () => {
    const pushed = encodeDelimited([
      {
        name: 'm',
        type: PROTO_TYPES.GAUGE,
        metric: [{ label: [{ name: 'job', value: 'a' }], gauge: { value: 1 } }],
      },
      {
        name: 'other',
        type: PROTO_TYPES.GAUGE,
        metric: [{ label: [{ name: 'job', value: 'b' }], gauge: { value: 2 } }],
      },
    ]);
    const puts: Array<{ type: string | null; body: Uint8Array }> = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = new URL(url).pathname;
      if (method === 'DELETE') return new Response('', { status: 202 });
      if (method === 'PUT') {
        puts.push({ type: new Headers(init?.headers).get('Content-Type'), body: init?.body as Uint8Array });
        return new Response('', { status: 200 });
      }
      if (path === '/metrics') return new Response(pushed, { status: 200 });
      return new Response(JSON.stringify({ status: 'success', data: [] }), { status: 200 });
    });
    setup([group('a')]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    await confirmDelete();
    fireEvent.click(await screen.findByRole('button', { name: 'Undo delete of {job="a"}' }));
    await screen.findByText(/Restored/);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.type).toContain('application/vnd.google.protobuf');
    expect(puts[0]!.body).toEqual(
      encodeDelimited([
        { name: 'm', type: PROTO_TYPES.GAUGE, metric: [{ label: [{ name: 'job', value: 'a' }], gauge: { value: 1 } }] },
      ]),
    );
  });
});
