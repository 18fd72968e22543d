// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { DEFAULT_CONFIG, type AppConfig } from '../config/config';
import { ConfigContext } from '../config/ConfigContext';
import { setGateways } from '../gateway/client';
import { renderWithClient } from '../testing/render';
import { StatusPage } from './StatusPage';

const GATEWAYS = [
  { name: 'eu-1', base: '-/gateways/eu-1/', address: 'http://eu-gw.internal:9091/' },
  { name: 'us-1', base: '-/gateways/us-1/', address: 'https://us.example.org/pgw/' },
];

/** `/api/v1/status` of a gateway of this version, with or without the admin API and persistence. */
function statusOf(version: string, { admin, persistence }: { admin: boolean; persistence: boolean }) {
  const flags: Record<string, string> = {
    'web.enable-admin-api': String(admin),
    'web.listen-address': ':9091',
    'persistence.file': persistence ? '/data/pushgateway.db' : '',
    'persistence.interval': '5m0s',
  };
  const build_information = {
    version,
    revision: 'abc123',
    branch: 'HEAD',
    buildUser: 'ci',
    buildDate: '',
    goVersion: '',
  };
  return { status: 'success', data: { build_information, flags, start_time: '2024-05-01T10:00:00Z' } };
}

/** Answers each URL path the page asks for; anything else is a 502 from the proxy, as for a gateway that is down. */
function stubFetch(answers: Record<string, unknown>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    asked.push(path);
    const answer = answers[path];
    if (answer === undefined) return new Response('connect ECONNREFUSED', { status: 502, statusText: 'Bad Gateway' });
    return new Response(typeof answer === 'string' ? answer : JSON.stringify(answer), { status: 200 });
  });
  return asked;
}

function renderPage(config: Partial<AppConfig> = {}) {
  return renderWithClient(
    <ConfigContext.Provider value={{ ...DEFAULT_CONFIG, ...config }}>
      <StatusPage groupStates={<p>the groups card</p>} />
    </ConfigContext.Provider>,
  );
}

beforeEach(() => setGateways(GATEWAYS));
afterEach(() => {
  cleanup();
  setGateways([]);
  vi.unstubAllGlobals();
});

describe('StatusPage with one gateway', () => {
  it('shows the gateway as before: no sections per gateway, its flags in a card, its one scrape job', async () => {
    const asked = stubFetch({
      '/api/v1/status': statusOf('1.11.0', { admin: true, persistence: true }),
      '/-/ready': 'OK',
    });
    renderPage({ gatewayAddress: 'http://gw.internal:9091/' });

    expect(screen.getByRole('heading', { level: 1, name: 'Gateway status' })).toBeTruthy();
    const build = await screen.findByRole('region', { name: 'Build' });
    expect(within(build).getByText('1.11.0')).toBeTruthy();
    const runtime = screen.getByRole('region', { name: 'Runtime' });
    expect(within(runtime).getByText('Enabled: all groups can be wiped at once.')).toBeTruthy();
    expect(within(runtime).getByText('On: saved to /data/pushgateway.db every 5m0s.')).toBeTruthy();
    expect(await within(screen.getByRole('region', { name: 'Readiness' })).findByText(/^Ready/)).toBeTruthy();
    const flags = within(screen.getByRole('region', { name: 'Flags' }));
    expect(flags.getByRole('table', { name: 'Command-line flags of the gateway' })).toBeTruthy();
    const yaml = screen.getByRole('region', { name: 'Scrape config' }).querySelector('code')!.textContent;
    expect(yaml).toContain('  - job_name: pushgateway\n');
    expect(yaml).toContain('targets: ["gw.internal:9091"]');
    expect(yaml).not.toContain('pushgateway:');

    expect(screen.queryByRole('region', { name: 'Overview' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Same group on several gateways' })).toBeNull();
    expect(screen.queryByText(/Flags of/)).toBeNull();
    expect(new Set(asked)).toEqual(new Set(['/api/v1/status', '/-/ready']));
  });

  it('says at the top of the page when the gateway cannot be reached', async () => {
    stubFetch({});
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cannot load data from the Pushgateway.');
    expect(alert.textContent).toContain('The gateway answered 502 Bad Gateway for api/v1/status');
  });
});
