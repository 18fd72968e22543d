// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CheckPushPage } from './CheckPushPage';

const REFUSAL =
  'pushed metrics are invalid or inconsistent with existing metrics: gathered metric family shared has type COUNTER but should have GAUGE';

/** The server's answer; what the page sent is in `sent`. */
let sent: Array<{ url: string; init: RequestInit }> = [];
function serve(status: number, answer: unknown, type = 'application/json') {
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    sent.push({ url: String(url), init });
    const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
    return new Response(body, { status, headers: { 'Content-Type': type } });
  });
}

const verdict = (over: Record<string, unknown>) => ({
  accepted: true,
  status: 200,
  reasons: [],
  answer: '',
  varies: false,
  notes: [],
  groupingKey: { job: 'backup' },
  gateway: { version: '1.5.1', utf8Names: false, consistencyCheck: true },
  ...over,
});

function fill(job: string, body: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Job' }), { target: { value: job } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Body (text format)' }), { target: { value: body } });
}

beforeEach(() => {
  sent = [];
  const meta = document.createElement('meta');
  meta.name = 'pushboard-events';
  document.head.append(meta);
});
afterEach(() => {
  cleanup();
  document.head.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the Check a push page', () => {
  it('sends the grouping key as the push path, the method and the body, and says the gateway would accept it', async () => {
    serve(200, verdict({ notes: ['shared: its HELP differs from another group\'s ("x").'] }));
    render(<CheckPushPage />);
    fill('backup', 'g 1\n');
    fireEvent.click(screen.getByRole('button', { name: 'Add a grouping label' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Label 1 name' }), { target: { value: 'instance' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Label 1 value' }), { target: { value: 'db/1' } });
    fireEvent.click(screen.getByRole('radio', { name: 'POST (replace the families pushed)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    const result = await screen.findByRole('region', { name: 'Verdict' });
    expect(within(result).getByRole('heading').textContent).toBe('The gateway 1.5.1 would accept this push.');
    expect(within(result).getByRole('list', { name: 'Notes' }).textContent).toContain('its HELP differs');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(
      `${new URL('-/pushboard/check/metrics/job@base64/YmFja3Vw/instance@base64/ZGIvMQ?method=POST', document.baseURI)}`,
    );
    expect(sent[0]!.init).toMatchObject({ method: 'POST', body: 'g 1\n' });
  });

  it('quotes the gateway’s refusal, and shows hostile text as text', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    serve(422, verdict({ accepted: false, status: 400, answer: REFUSAL, notes: [hostile] }));
    render(<CheckPushPage />);
    fill('backup', '# TYPE shared counter\nshared 1\n');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    const result = await screen.findByRole('region', { name: 'Verdict' });
    expect(within(result).getByRole('heading').textContent).toBe('The gateway 1.5.1 would refuse this push.');
    expect(within(result).getByRole('blockquote').textContent).toBe(REFUSAL);
    expect(within(result).getByRole('list', { name: 'Notes' }).textContent).toBe(hostile);
    expect(document.querySelector('img, b')).toBeNull();
  });

  it('says why the server could not check (an unreadable gateway)', async () => {
    serve(502, 'Cannot check: could not read the Pushgateway at http://gw:9091/: timeout.\n', 'text/plain');
    render(<CheckPushPage />);
    fill('backup', 'g 1\n');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server could not check this push (502): Cannot check: could not read the Pushgateway at http://gw:9091/: timeout.',
    );
  });

  it('refuses a grouping label the gateway cannot take before asking', async () => {
    serve(200, verdict({}));
    render(<CheckPushPage />);
    fill('backup', 'g 1\n');
    fireEvent.click(screen.getByRole('button', { name: 'Add a grouping label' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Label 1 name' }), { target: { value: '__x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect((await screen.findByRole('alert')).textContent).toBe('"__x" is not a valid grouping label name');
    expect(sent).toHaveLength(0);
  });
});
