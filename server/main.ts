/**
 * The `pushboard` command: `pushboard prune …` runs the prune rules once (prune/cli.ts); otherwise
 * the command line (command.ts) is read, and unless it only asks for the version, the server runs
 * (serve.ts, loaded only then).
 */
import { buildInfo } from './build-info.ts';
import { pushboardCommand, type CommandOptions } from './command.ts';
import { surviveClosedOutput } from './output-closed.ts';

async function main() {
  if (process.argv[2] === 'prune') {
    const { pruneCommand } = await import('./prune/cli.ts');
    process.exit(await pruneCommand(process.argv.slice(3)));
  }
  const opts = pushboardCommand().parse().opts<CommandOptions>();
  if (opts.version) {
    const { version, commit } = buildInfo();
    console.log(`pushboard ${version} (commit ${commit})`);
    return;
  }
  surviveClosedOutput();
  // The server's parts (Express, the proxy, YAML, RE2) load only once it is really to run:
  // --help, --version and a flag error answer without them.
  const { serve } = await import('./serve.ts');
  await serve(opts);
}

await main();
