import { describe, expect, it } from 'vitest';
import { addLink, LINK, withGatewayBase } from './gateway-assets.js';

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
