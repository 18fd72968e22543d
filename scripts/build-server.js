// @ts-check
/**
 * Compiles the server (server/, with the parts of core/ it uses) into the build, beside the app
 * that `vite build` has just written to dist/ (vite empties dist/ first, so this runs after it):
 *
 *   dist/server/cli.js          the `pushboard` command (server/main.ts)
 *   dist/server/poll-thread.js  the worker thread that reads a gateway (server/state/poll-thread.ts),
 *                               which the server starts from the file beside its own
 *
 * The npm dependencies stay external, imported from node_modules as the package declares them:
 * npm installs them anyway, they keep their own files and licences, and the bundle holds only
 * Pushboard's code. Nothing here imports tsx: the built package runs on Node alone.
 *
 * `pushboard --version` prints the version from package.json and the commit built from
 * (`git rev-parse --short HEAD`, `unknown` outside a git checkout), both fixed here.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'server');

if (!existsSync(path.join(root, 'dist', 'index.html'))) {
  console.error('build-server: no dist/index.html: run "vite build" first (npm run build runs both)');
  process.exit(1);
}

function gitCommit() {
  try {
    const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.toString().trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const commit = gitCommit();

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  define: { __PUSHBOARD_BUILD__: JSON.stringify({ version, commit }) },
  logLevel: 'warning',
  absWorkingDir: root,
};

rmSync(outdir, { recursive: true, force: true });
// One build with code splitting: what the command imports only once the server is to run (the
// app, Express, the proxy) goes into chunks of its own, so `pushboard --help` loads little; the
// poll thread shares the chunks it has in common with the server.
await build({
  ...common,
  entryPoints: { cli: 'server/main.ts', 'poll-thread': 'server/state/poll-thread.ts' },
  outdir,
  splitting: true,
  // Beside cli.js, not in a folder: the server starts ./poll-thread.js relative to its own chunk.
  chunkNames: '[name]-[hash]',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(path.join(outdir, 'cli.js'), 0o755);
console.log(`build-server: dist/server/cli.js and poll-thread.js (pushboard ${version}, commit ${commit})`);
