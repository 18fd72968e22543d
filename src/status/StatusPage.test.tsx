// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { DEFAULT_CONFIG, type AppConfig } from '../config/config';
import { ConfigContext } from '../config/ConfigContext';
import { createGatewayClient } from '../gateway/client';
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
    undefined,
    { gateway: createGatewayClient(undefined, GATEWAYS) },
  );
}

afterEach(() => {
  cleanup();
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

describe('StatusPage with several gateways', () => {
  const bothUp = {
    '/-/gateways/eu-1/api/v1/status': statusOf('1.11.0', { admin: true, persistence: true }),
    '/-/gateways/eu-1/-/ready': 'OK',
    '/-/gateways/us-1/api/v1/status': statusOf('1.6.0', { admin: false, persistence: false }),
    '/-/gateways/us-1/-/ready': 'OK',
  };

  it('gives each gateway a section named after it, with its own version, admin API and persistence', async () => {
    stubFetch(bothUp);
    renderPage({ gateways: GATEWAYS });

    expect(screen.getByRole('heading', { level: 1, name: 'Gateways' })).toBeTruthy();
    const eu = screen.getByRole('region', { name: 'eu-1' });
    expect(within(eu).getByRole('heading', { level: 2 }).textContent).toBe('eu-1http://eu-gw.internal:9091/');
    expect(within(await within(eu).findByRole('region', { name: 'Build' })).getByText('1.11.0')).toBeTruthy();
    const euRuntime = within(within(eu).getByRole('region', { name: 'Runtime' }));
    expect(euRuntime.getByText('Enabled: all groups can be wiped at once.')).toBeTruthy();
    expect(euRuntime.getByText('On: saved to /data/pushgateway.db every 5m0s.')).toBeTruthy();
    expect(within(eu).getByRole('region', { name: 'Version' }).textContent).toContain('Pushgateway 1.11.0');

    const us = screen.getByRole('region', { name: 'us-1' });
    expect(within(await within(us).findByRole('region', { name: 'Build' })).getByText('1.6.0')).toBeTruthy();
    const usRuntime = within(within(us).getByRole('region', { name: 'Runtime' }));
    expect(usRuntime.getByText(/^Disabled: wiping all groups is not possible/)).toBeTruthy();
    expect(usRuntime.getByText('Off: every group is lost when the gateway restarts.')).toBeTruthy();
    expect(await within(within(us).getByRole('region', { name: 'Readiness' })).findByText(/^Ready/)).toBeTruthy();

    // The parts of a section are headed one level below the gateway's name.
    expect(within(us).getByRole('heading', { level: 3, name: 'Runtime' })).toBeTruthy();
    expect(within(us).getByRole('heading', { level: 4, name: 'Known traps of this version' })).toBeTruthy();
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('folds each gateway’s flags under its name', async () => {
    stubFetch(bothUp);
    renderPage({ gateways: GATEWAYS });
    const us = screen.getByRole('region', { name: 'us-1' });
    const summary = await within(us).findByText('Flags of us-1');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    expect(details.open).toBe(true);
    const table = within(details).getByRole('table', { name: 'Command-line flags of us-1' });
    expect(within(table).getByRole('row', { name: /--web\.enable-admin-api\s*false/ })).toBeTruthy();
  });

  it('says in its own section that a gateway is down, and keeps showing the others', async () => {
    stubFetch({
      '/-/gateways/eu-1/api/v1/status': statusOf('1.11.0', { admin: true, persistence: true }),
      '/-/gateways/eu-1/-/ready': 'OK',
    });
    renderPage({ gateways: GATEWAYS });

    const us = screen.getByRole('region', { name: 'us-1' });
    const alert = await within(us).findByRole('alert');
    expect(alert.textContent).toContain('Cannot load the status of gateway us-1.');
    expect(alert.textContent).toContain('The gateway answered 502 Bad Gateway for -/gateways/us-1/api/v1/status');
    expect(await within(us).findByText(/^Not ready: The gateway answered 502/)).toBeTruthy();
    expect(within(us).queryByRole('region', { name: 'Build' })).toBeNull();

    const eu = screen.getByRole('region', { name: 'eu-1' });
    expect(within(await within(eu).findByRole('region', { name: 'Build' })).getByText('1.11.0')).toBeTruthy();
    expect(within(eu).queryByRole('alert')).toBeNull();
    // The one alert on the page is the down gateway's.
    expect(screen.getAllByRole('alert')).toEqual([alert]);
  });

  it('lists every gateway in an overview whose buttons move to its section', async () => {
    stubFetch({ ...bothUp, '/-/gateways/us-1/-/ready': undefined, '/-/gateways/us-1/api/v1/status': undefined });
    renderPage({ gateways: GATEWAYS });
    const overview = screen.getByRole('table', { name: 'Every gateway at a glance' });
    const row = (name: string) =>
      within(overview)
        .getByRole('button', { name: `Go to ${name}` })
        .closest('tr')!;
    const eu = row('eu-1');
    await vi.waitFor(() => expect(eu.textContent).toBe('eu-11.11.0● readyenabledon'));
    const us = row('us-1');
    await vi.waitFor(() => expect(us.textContent).toBe('us-1unreachable✕ not readyunreachableunreachable'));

    fireEvent.click(within(us).getByRole('button', { name: 'Go to us-1' }));
    expect(document.activeElement).toBe(
      within(screen.getByRole('region', { name: 'us-1' })).getByRole('heading', { level: 2 }),
    );
  });

  it('gives a scrape job for every gateway, and explains the same group on several gateways', async () => {
    stubFetch(bothUp);
    renderPage({ gateways: GATEWAYS });
    const yaml = screen.getByRole('region', { name: 'Scrape config' }).querySelector('code')!.textContent!;
    expect(yaml).toContain('  - job_name: pushgateway-eu-1\n');
    expect(yaml).toContain(
      '      - targets: ["eu-gw.internal:9091"]\n        labels:\n          pushgateway: "eu-1"\n',
    );
    expect(yaml).toContain('  - job_name: pushgateway-us-1\n');
    expect(yaml).toContain('    scheme: https\n    metrics_path: "/pgw/metrics"\n');

    const same = screen.getByRole('region', { name: 'Same group on several gateways' });
    expect(same.textContent).toContain('Only groups on several gateways');
    expect(same.textContent).toContain('@gateway="eu-1"');
    expect(within(same).getByRole('heading', { name: 'What to do' })).toBeTruthy();
  });
});
