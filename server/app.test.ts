import { describe, expect, it } from 'vitest';
import { PROXIED_PATHS, isProxied } from './app.ts';

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
