// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from './config';

function carry(text: string) {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = 'pushboard-config';
  element.textContent = text;
  document.head.append(element);
}

afterEach(() => {
  document.getElementById('pushboard-config')?.remove();
  vi.unstubAllGlobals();
});

describe('loadConfig', () => {
  it('takes the configuration the server put in the page, without asking config.json', async () => {
    const fetched = vi.fn(async () => Response.json({ readOnly: false }));
    vi.stubGlobal('fetch', fetched);
    carry(JSON.stringify({ readOnly: true, staleThreshold: '5m', events: '-/pushboard/events' }));
    expect(await loadConfig()).toMatchObject({ readOnly: true, staleThreshold: '5m' });
    expect(fetched).not.toHaveBeenCalled();
    expect(document.getElementById('pushboard-config')).toBeNull();
  });

  it('asks config.json when the page carries none, or one it cannot read', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ readOnly: true, staleThreshold: '2h' }));
    expect(await loadConfig()).toMatchObject({ readOnly: true, staleThreshold: '2h' });
    carry('{not json');
    expect(await loadConfig()).toMatchObject({ readOnly: true, staleThreshold: '2h' });
  });

  it('takes the gateway’s place from a proxy’s Pushboard-Gateway-Base header, unless config.json names one', async () => {
    const headers = { 'Pushboard-Gateway-Base': '../' };
    vi.stubGlobal('fetch', async () => Response.json({ readOnly: true }, { headers }));
    expect(await loadConfig()).toMatchObject({ readOnly: true, gatewayBase: '../' });
    vi.stubGlobal('fetch', async () => Response.json({ gatewayBase: './gw/' }, { headers }));
    expect(await loadConfig()).toMatchObject({ gatewayBase: './gw/' });
  });

  it('falls back to the defaults when config.json is missing', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    expect(await loadConfig()).toEqual(DEFAULT_CONFIG);
  });
});
