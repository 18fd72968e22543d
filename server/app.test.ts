import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PROXIED_PATHS, createHttpServer, createPushboard, isProxied } from './app.ts';

describe('isProxied', () => {
  it.each([
    '/api/v1/metrics',
    '/api/v1/status',
    '/api/v1/admin/wipe',
    '/metrics/job/x',
    '/metrics/job/batch/instance/node-1',
    '/metrics/job@base64/YQ',
    '/-/ready',
    '/-/healthy',
  ])('proxies %s', (path) => {
    expect(isProxied(path)).toBe(true);
  });

  it.each([
    '/',
    '/index.html',
    '/assets/index-abc.js',
    '/metrics',
    '/metrics/',
    '/metrics/job',
    '/metrics/jobx/a',
    '/-/reload',
    '/-/quit',
    '/-/readyx',
    '/-/ready/',
    '/-/healthyz',
    '/api/v2/x',
    '/api/v1',
    '/-/pushboard/healthy',
    '/x/api/v1/metrics',
  ])('does not proxy %s', (path) => {
    expect(isProxied(path)).toBe(false);
  });

  it('lists exactly the gateway paths the app uses', () => {
    expect(PROXIED_PATHS).toEqual(['/api/v1/', '/metrics/job/', '/metrics/job@base64/', '/-/ready', '/-/healthy']);
  });
});

describe('createPushboard', () => {
  it('has the Express app and its services side by side, and hangs nothing on the app', async () => {
    const served = createPushboard({
      gatewayUrl: new URL('http://127.0.0.1:9/'),
      distDir: '/nonexistent',
      log: () => {},
    });
    expect(Object.keys(served).sort()).toEqual(
      ['app', 'close', 'health', 'history', 'pruner', 'reloads', 'rhythms', 'state'].sort(),
    );
    for (const name of ['state', 'pruner', 'reloads', 'health', 'history', 'rhythms', 'stateClose']) {
      expect(served.app).not.toHaveProperty(name);
    }
    const server = createHttpServer(served);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/-/pushboard/healthy`);
    expect(await answer.text()).toBe('OK\n');
    // Closing the HTTP server stops the services (the gateway's reader thread among them).
    await new Promise((resolve) => server.close(resolve));
  });

  it('two servers share no state', () => {
    const options = { gatewayUrl: new URL('http://127.0.0.1:9/'), distDir: '/nonexistent', log: () => {} };
    const [a, b] = [createPushboard(options), createPushboard(options)];
    expect(a.state).not.toBe(b.state);
    expect(a.history).not.toBe(b.history);
    a.close();
    b.close();
  });
});
