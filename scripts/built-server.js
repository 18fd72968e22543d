// @ts-check
/**
 * The compiled server, `dist/server/cli.js` (`npm run build`; scripts/build-server.js), as the
 * end-to-end tests and the scripts start it: the program users run, not its TypeScript source.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILT_CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server', 'cli.js');

/** The compiled server's path; throws, saying what to run, when there is no build. */
export function builtCli() {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(`no compiled server at ${BUILT_CLI}: run "npm run build" first (npm test does)`);
  }
  return BUILT_CLI;
}
