import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { entryScript } from './harness';
import { getEncoded } from './raw-http';

/** A GET with the path sent exactly as written (fetch would resolve the dot segments first). */
function rawGet(base: string, path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

// The server in front of a real gateway, over plain HTTP (no browser needed).

test('proxies only the gateway paths the app uses', async ({ app, pushGroup }) => {
  await pushGroup({ job: 'p' }, 'm 1\n');
  const get = (path: string) => fetch(new URL(path, app.url));

  const metrics = await get('api/v1/metrics');
  expect(metrics.status).toBe(200);
  expect(((await metrics.json()) as { data: unknown[] }).data).toHaveLength(1);
  expect((await get('-/ready')).status).toBe(200);
  expect((await get('-/healthy')).status).toBe(200);
  // Not the gateway's own page, its /metrics, or anything reached by climbing out of a path.
  expect((await get('metrics')).status).toBe(404);
  expect(await (await get('')).text()).toContain('<div id="root">');
  // Dot segments are refused before any route is chosen (e2e/security.spec.ts has the full table).
  expect(await rawGet(app.url, '/metrics/job/../../metrics')).toBe(400);
  expect(await rawGet(app.url, '/api/v1/%2e%2e/%2e%2e/metrics')).toBe(400);
  expect(await rawGet(app.url, '/api/v1/status')).toBe(200);
  expect((await get('-/quit')).status).toBe(404);
  expect(await (await get('-/pushboard/healthy')).text()).toBe('OK\n');
});

test('passes status codes and error texts through', async ({ app }) => {
  const response = await fetch(new URL('metrics/job/j/bad-name/x', app.url), { method: 'PUT', body: 'm 1\n' });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('improper label name "bad-name"');
});

test('caches hashed assets for long and index.html never', async ({ app }) => {
  const index = await fetch(app.url);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const asset = entryScript(await index.text());
  expect(asset).toBeTruthy();
  const js = await fetch(new URL(asset!, app.url));
  expect(js.status).toBe(200);
  expect(js.headers.get('cache-control')).toContain('immutable');
});

test('sends the build’s gzip copy of a script to a browser that accepts gzip, and the script to one that does not', async ({
  app,
}) => {
  const index = await (await fetch(app.url)).text();
  const asset = entryScript(index);
  const original = readFileSync(path.join('dist', asset!));
  const ask = (encoding: string) => getEncoded(new URL(asset!, app.url), { 'Accept-Encoding': encoding });
  const gzipped = await ask('gzip, deflate');
  expect(gzipped.headers['content-encoding']).toBe('gzip');
  expect(gzipped.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
  expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
  expect(gzipped.headers['cache-control']).toContain('immutable');
  // The file as built, byte for byte: the gzip copy made at build time, not a compression of it now.
  expect(gzipped.body.equals(readFileSync(path.join('dist', `${asset}.gz`)))).toBe(true);
  expect(gunzipSync(gzipped.body).equals(original)).toBe(true);
  const plain = await ask('identity');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(original)).toBe(true);
});

test('the built app refers to nothing by an absolute path', async ({ app }) => {
  const index = await (await fetch(app.url)).text();
  expect(index).not.toMatch(/(src|href)="\//);
});
