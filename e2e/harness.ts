/**
 * Real processes for end-to-end tests: a `prometheus-pushgateway` on a free loopback port, and the
 * Pushboard server (in this process) in front of it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server as HttpServer } from 'node:http';
import { createPushboard, createHttpServer } from '../server/app.ts';
import { startGateway } from '../server/local-gateway.ts';
import type { GatewayBuild } from './gateways';
import { builtCli } from '../scripts/built-server.js';

export async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface GatewayOptions {
  adminApi?: boolean;
  /** The gateway's --web.route-prefix, e.g. "/pgw". */
  routePrefix?: string;
  /** Started with a --web.config.file (TLS or basic auth), so it speaks https when `tls`. */
  webConfig?: { file: string; tls: boolean };
  /** A --web.local-assets directory (see scripts/gateway-assets.js). */
  localAssets?: string;
  /** --push.enable-utf8-names (1.11+): grouping label names outside [a-zA-Z_][a-zA-Z0-9_]*. */
  utf8Names?: boolean;
  /** The gateway build to run (default: the installed 1.5.1). */
  build?: GatewayBuild;
}

/** A real gateway that can be stopped and started again on the same port, keeping its groups. */
export class TestGateway {
  private stopFn?: () => Promise<void>;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-e2e-'));
  constructor(
    readonly port: number,
    private readonly options: GatewayOptions,
  ) {}

  get url(): string {
    const scheme = this.options.webConfig?.tls ? 'https' : 'http';
    return `${scheme}://127.0.0.1:${this.port}${this.options.routePrefix ?? ''}/`;
  }

  static async start(options: GatewayOptions = {}): Promise<TestGateway> {
    const gateway = new TestGateway(await freePort(), options);
    await gateway.start();
    return gateway;
  }

  async start(): Promise<void> {
    const { webConfig, routePrefix, localAssets, utf8Names, build, adminApi = true } = this.options;
    const started = await startGateway({
      binary: build?.binary,
      listen: `127.0.0.1:${this.port}`,
      dataDir: this.dataDir,
      adminApi,
      routePrefix,
      extraArgs: [
        ...(webConfig ? [`--web.config.file=${webConfig.file}`] : []),
        // A cached build's own page and assets, not those of the installed package.
        ...(localAssets || build ? [`--web.local-assets=${localAssets ?? build?.assets}`] : []),
        ...(utf8Names ? ['--push.enable-utf8-names'] : []),
      ],
    });
    this.stopFn = started.stop;
  }

  /** Stops the gateway; SIGTERM makes it write its persistence file, so a restart keeps the groups. */
  async stop(): Promise<void> {
    await this.stopFn?.();
    this.stopFn = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The gateway's groups as its API reports them (for asserting what it holds). */
  async groups(): Promise<Array<Record<string, unknown> & { labels: Record<string, string> }>> {
    const response = await fetch(new URL('api/v1/metrics', this.url));
    const body = (await response.json()) as {
      data: Array<Record<string, unknown> & { labels: Record<string, string> }>;
    };
    return body.data;
  }

  /** How often the gateway has built its /api/v1/metrics answer, from its own counter. */
  async metricsReads(): Promise<number> {
    const text = await (await fetch(new URL('metrics', this.url))).text();
    let total = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith('pushgateway_http_requests_total{') && line.includes('handler="api/v1/metrics"')) {
        total += Number(line.split(' ').at(-1));
      }
    }
    return total;
  }

  /**
   * The groups without what changes on every push (push times, families' time stamps), in a
   * fixed order: what two reads of the same data agree on.
   */
  async stableGroups(): Promise<Array<Record<string, unknown>>> {
    const times = new Set(['push_time_seconds', 'push_failure_time_seconds']);
    return (await this.groups())
      .map((g) =>
        Object.fromEntries(
          Object.entries(g)
            .filter(([k]) => !times.has(k))
            .map(([k, v]) => [k, k === 'labels' || typeof v !== 'object' ? v : { ...v, time_stamp: 'T' }]),
        ),
      )
      .sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
  }
}

export type AppOptions = Omit<Parameters<typeof createPushboard>[0], 'gatewayUrl' | 'distDir'>;

/** The Pushboard server, in-process, on a free port. */
export class TestApp {
  private constructor(
    private readonly server: HttpServer,
    readonly url: string,
  ) {}

  /** On a free port, or on `port` (to start a server again where a stopped one was). */
  static async start(gatewayUrl: string, options: AppOptions = {}, port = 0): Promise<TestApp> {
    const served = createPushboard({
      gatewayUrl: new URL(gatewayUrl),
      distDir: path.resolve('dist'),
      log: () => {},
      // Tests see the gateway's changes within two seconds, as the page's own polling did; a
      // test's pollIntervalMs sets the server's interval too, as --poll-interval does.
      serverPollIntervalMs: options.pollIntervalMs ?? 2_000,
      ...options,
    });
    const server = createHttpServer(served, { frameAncestors: options.frameAncestors });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    return new TestApp(server, `http://127.0.0.1:${address.port}${options.routePrefix ?? ''}/`);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The app's entry script as its page names it (`assets/index-….js`). */
export function entryScript(html: string): string | undefined {
  return /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
}

/** The text of the page's `<script type="application/json" id="…">`, as the server wrote it. */
export function carriedJson(html: string, id: string): string | undefined {
  return new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html)?.[1];
}

/** `dist/server/cli.js` run to its end: its exit status and what it wrote to stderr. */
export function runCliToEnd(args: string[]): { code: number; stderr: string } {
  try {
    execFileSync(process.execPath, [builtCli(), ...args], { stdio: 'pipe', timeout: 10_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stderr: Buffer };
    return { code: e.status, stderr: e.stderr.toString() };
  }
}

/** `dist/server/cli.js` as a child process, with everything it printed so far. */
export function runCli(args: string[]) {
  const child = spawn(process.execPath, [builtCli(), ...args]);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return {
    output: () => output,
    stop: () => child.kill(),
    signal: (signal: NodeJS.Signals) => child.kill(signal),
    /** Closes the reading end of its standard output and error, as a reader that went away. */
    closeOutput: () => {
      child.stdout.destroy();
      child.stderr.destroy();
    },
    /** null while it runs. */
    exitCode: () => child.exitCode,
  };
}
