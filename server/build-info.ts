/**
 * What the server knows of its own build. `npm run build` compiles the server with esbuild
 * (scripts/build-server.js), which replaces `__PUSHBOARD_BUILD__` with the package's version and
 * the commit it was built from; run from source (tsx, the tests), it is not defined and both are
 * read when asked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __PUSHBOARD_BUILD__: { version: string; commit: string } | undefined;

const compiled = typeof __PUSHBOARD_BUILD__ !== 'undefined';

/**
 * The package's root (holding `dist/` and `package.json`): compiled, this code is
 * `dist/server/cli.js`; from source, `server/build-info.ts`.
 */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), compiled ? '../..' : '..');

/** The package's version and the short commit it was built from (`unknown` outside a git checkout). */
export function buildInfo(): { version: string; commit: string } {
  if (typeof __PUSHBOARD_BUILD__ !== 'undefined') return __PUSHBOARD_BUILD__;
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return { version, commit: gitCommit(packageRoot) };
}

/** `git rev-parse --short HEAD` in `dir`, or `unknown` (no git, or not a checkout). */
export function gitCommit(dir: string): string {
  try {
    const out = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.toString().trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}
