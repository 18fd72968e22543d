import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { connect } from 'node:net';
import path from 'node:path';
import { gatewayAccess, type GatewayCredentials } from './proxy.ts';

export { EMBEDDED_GATEWAY_URL } from './options.ts';
export const GATEWAY_BINARY = 'prometheus-pushgateway';

/**
 * Asks `url` for the gateway's status, with the server's own credentials: 'gateway' if a
 * Pushgateway answers, 'other' if something else does, 'none' if nothing listens.
 */
export function probeGateway(url: URL, credentials: GatewayCredentials = {}): Promise<'gateway' | 'other' | 'none'> {
  const access = gatewayAccess(credentials);
  const target = new URL('api/v1/status', url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.get(
      target,
      {
        timeout: 2000,
        ca: access.ca,
        rejectUnauthorized: access.rejectUnauthorized,
        headers: access.authorization ? { Authorization: access.authorization } : {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text = (text + chunk).slice(0, 1_000_000)));
        response.on('end', () => {
          try {
            const body = JSON.parse(text);
            resolve(body?.status === 'success' && body?.data?.build_information ? 'gateway' : 'other');
          } catch {
            resolve('other');
          }
        });
        response.on('error', () => resolve('other'));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' || error.code === 'EADDRNOTAVAIL' ? 'none' : 'other'),
    );
  });
}

/**
 * Starts a local `prometheus-pushgateway` (admin API on, persistence under `dataDir`) and resolves
 * once it is ready. `binary` picks another gateway build (the tests run a newer one too).
 */
export async function startGateway({
  listen,
  dataDir,
  adminApi = true,
  routePrefix = '',
  scheme = 'http',
  extraArgs = [],
  log = () => {},
  binary = GATEWAY_BINARY,
}: {
  listen: string;
  dataDir: string;
  adminApi?: boolean;
  routePrefix?: string;
  scheme?: 'http' | 'https';
  extraArgs?: string[];
  log?: (line: string) => void;
  binary?: string;
}): Promise<{ url: URL; stop: () => Promise<void> }> {
  mkdirSync(dataDir, { recursive: true });
  const args = [
    `--web.listen-address=${listen}`,
    ...(adminApi ? ['--web.enable-admin-api'] : []),
    `--persistence.file=${path.join(dataDir, 'pushgateway.data')}`,
    '--persistence.interval=30s',
    ...(routePrefix ? [`--web.route-prefix=${routePrefix}`] : []),
    ...extraArgs,
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const spawnError = new Promise((_, reject) =>
    child.once('error', (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error(
              binary === GATEWAY_BINARY
                ? `${GATEWAY_BINARY} is not installed (apt-get install prometheus-pushgateway), and no gateway was given`
                : `${binary} is not there (bash scripts/setup.sh --test fetches it)`,
            )
          : error,
      ),
    ),
  );
  const url = new URL(`${scheme}://${listen}${routePrefix}/`);
  const stop = async () => {
    if (child.pid === undefined) return;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`${binary} exited: ${lastLine(stderr)}`);
      // The port accepting connections means the gateway serves (TLS or auth may sit in front).
      if (await accepts(url)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${binary} did not become ready on ${listen}: ${lastLine(stderr)}`);
  })();
  try {
    await Promise.race([ready, spawnError]);
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  log(`started ${binary} on ${url.href} (admin API on, data in ${dataDir})`);
  return { url, stop };
}

function accepts(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function lastLine(text: string) {
  return text.trim().split('\n').at(-1) ?? '';
}
