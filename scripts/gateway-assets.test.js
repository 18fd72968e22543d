import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLink, LINK, prepareAssets, withGatewayBase } from './gateway-assets.js';

const template = '<nav>\n\t<ul class="navbar-nav">\n\t\t<li>Metrics</li>\n\t</ul>\n</nav>';

describe('addLink', () => {
  it('adds the Pushboard link as the first navigation item, under the gateway’s path prefix', () => {
    const out = addLink(template);
    expect(out).toContain(`<ul class="navbar-nav">\n\t\t\t\t\t${LINK}\n\t\t<li>Metrics</li>`);
    expect(LINK).toContain('href="{{.PathPrefix}}/static/pushboard/"');
  });
  it('is idempotent', () => {
    expect(addLink(addLink(template))).toBe(addLink(template));
  });
  it('refuses a template it does not recognise', () => {
    expect(() => addLink('<html></html>')).toThrow('no <ul class="navbar-nav">');
  });
});

describe('withGatewayBase', () => {
  it('names the API two levels up and keeps the other settings', () => {
    expect(withGatewayBase('{"readOnly": true, "gatewayBase": "./"}')).toEqual({
      readOnly: true,
      gatewayBase: '../../',
    });
  });
});

describe('prepareAssets', () => {
  it('copies the built app without the compiled server beside it in dist/', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-assets-'));
    try {
      const from = path.join(dir, 'from');
      const dist = path.join(dir, 'dist');
      for (const d of [from, path.join(dist, 'server'), path.join(dist, 'assets')]) mkdirSync(d, { recursive: true });
      writeFileSync(path.join(from, 'template.html'), template);
      writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
      writeFileSync(path.join(dist, 'config.json'), '{}');
      writeFileSync(path.join(dist, 'assets', 'app.js'), '');
      writeFileSync(path.join(dist, 'server', 'cli.js'), '');
      const out = path.join(dir, 'out');
      prepareAssets({ out, from, dist });
      const app = path.join(out, 'static', 'pushboard');
      expect(existsSync(path.join(app, 'index.html'))).toBe(true);
      expect(existsSync(path.join(app, 'assets', 'app.js'))).toBe(true);
      expect(existsSync(path.join(app, 'server'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
