#!/usr/bin/env node
// @ts-check
// Prepares a --web.local-assets directory for Debian's prometheus-pushgateway: the packaged assets,
// plus Pushboard under static/pushboard/, plus a "Pushboard" link in the gateway's own page.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = `usage: npm run gateway-assets -- --out DIR [--from DIR] [--dist DIR]

Builds a directory for the gateway's --web.local-assets flag, so the gateway itself serves
Pushboard at <gateway>/static/pushboard/ on its own origin (deleting works there too).

  --out DIR    the directory to write (replaced if it exists)
  --from DIR   the packaged assets (default: /usr/share/prometheus/pushgateway)
  --dist DIR   the built app (default: dist/ of this project; run npm run build first)

Then: prometheus-pushgateway --web.local-assets=DIR ...`;

export const LINK =
  '<li class="nav-item"><a class="nav-link" href="{{.PathPrefix}}/static/pushboard/">Pushboard</a></li>';

/**
 * The gateway's page template with a Pushboard link as the first item of its navigation.
 * @param {string} template
 */
export function addLink(template) {
  if (template.includes('/static/pushboard/')) return template;
  const nav = '<ul class="navbar-nav">';
  if (!template.includes(nav)) throw new Error('the template has no <ul class="navbar-nav"> to add the link to');
  return template.replace(nav, `${nav}\n\t\t\t\t\t${LINK}`);
}

/**
 * The build's config.json with `gatewayBase` set to where the gateway's API is from the app.
 * @param {string} text
 */
export function withGatewayBase(text) {
  return { ...JSON.parse(text), gatewayBase: '../../' };
}

/**
 * @param {{ out: string, from: string, dist: string }} options
 */
export function prepareAssets({ out, from, dist }) {
  for (const [what, dir] of [
    ['packaged assets', path.join(from, 'template.html')],
    ['built app', path.join(dist, 'index.html')],
  ]) {
    if (!existsSync(dir)) throw new Error(`no ${what} at ${dir}`);
  }
  rmSync(out, { recursive: true, force: true });
  cpSync(from, out, { recursive: true });
  const app = path.join(out, 'static', 'pushboard');
  // Not dist/server/: the compiled Pushboard server is none of the app's files.
  cpSync(dist, app, { recursive: true, filter: (src) => path.relative(dist, src).split(path.sep)[0] !== 'server' });
  // The gateway serves only static/ from this directory, so its API is always two levels up from
  // the app: said in config.json, the app finds it without probing (no 404s in the console).
  const config = path.join(app, 'config.json');
  writeFileSync(config, `${JSON.stringify(withGatewayBase(readFileSync(config, 'utf8')), null, 2)}\n`);
  const template = path.join(out, 'template.html');
  writeFileSync(template, addLink(readFileSync(template, 'utf8')));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({
      options: {
        out: { type: 'string' },
        from: { type: 'string', default: '/usr/share/prometheus/pushgateway' },
        dist: { type: 'string', default: path.join(root, 'dist') },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    if (!values.out) throw new Error('--out DIR is required');
    prepareAssets({ out: path.resolve(values.out), from: values.from ?? '', dist: values.dist ?? '' });
    console.log(
      `gateway-assets: wrote ${values.out}; start the gateway with --web.local-assets=${path.resolve(values.out)}`,
    );
  } catch (error) {
    console.error(`gateway-assets: ${/** @type {Error} */ (error).message}\n\n${usage}`);
    process.exit(1);
  }
}
