import { afterEach, describe, expect, it, vi } from 'vitest';
import { discoverGatewayBase } from './discover';

const status = JSON.stringify({ status: 'success', data: { build_information: { version: '1.5.1' }, flags: {} } });

/** A fake origin where only `apiAt` serves the gateway's status. */
function serveStatusAt(apiAt: string) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: URL) => {
    asked.push(url.pathname);
    return url.pathname === `${apiAt}api/v1/status`
      ? new Response(status)
      : new Response('404 page not found', { status: 404 });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('discoverGatewayBase', () => {
  it('uses the app’s own base when the API is beside it', async () => {
    const asked = serveStatusAt('/ui/');
    expect(await discoverGatewayBase('http://h/ui/')).toBe('http://h/ui/');
    expect(asked).toEqual(['/ui/api/v1/status']);
  });

  it('climbs up to find the gateway, one level and then two', async () => {
    const asked = serveStatusAt('/pgw/');
    expect(await discoverGatewayBase('http://h/pgw/tools/board/index.html')).toBe('http://h/pgw/');
    expect(asked).toEqual(['/pgw/tools/board/api/v1/status', '/pgw/tools/api/v1/status', '/pgw/api/v1/status']);
  });

  it('knows the API of a gateway serving the app from its static folder without asking', async () => {
    const asked = serveStatusAt('/nowhere/');
    expect(await discoverGatewayBase('http://h/pgw/static/pushboard/index.html')).toBe('http://h/pgw/');
    expect(await discoverGatewayBase('http://h/static/pushboard/')).toBe('http://h/');
    expect(asked).toEqual([]);
  });

  it('does not take a page that is not a gateway for one', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>hello</html>'));
    expect(await discoverGatewayBase('http://h/a/b/')).toBe('http://h/a/b/');
  });

  it('prefers a configured base, relative to the page', async () => {
    const asked = serveStatusAt('/nowhere/');
    expect(await discoverGatewayBase('http://h/ui/', '../gw/')).toBe('http://h/gw/');
    expect(asked).toEqual([]);
  });
});
