/**
 * The push history in its data directory, through the real command line: kept across a restart,
 * a corrupt file set aside without refusing to start, expectations reloaded with SIGHUP.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, push, test } from './fixtures';
import { freePort, runCli } from './harness';

const gauge = (value: number) => `# TYPE work_done gauge\nwork_done ${value}\n`;

/** The server on a free port, following `gateway`, with its history in `dataDir`. */
async function startServer(gatewayUrl: string, dataDir: string, more: string[] = []) {
  const port = await freePort();
  const cli = runCli([
    '--gateway',
    gatewayUrl,
    '--listen',
    `127.0.0.1:${port}`,
    '--data-dir',
    dataDir,
    '--poll-interval',
    '1s',
    '--idle-poll-interval',
    '1s',
    ...more,
  ]);
  const url = `http://127.0.0.1:${port}/`;
  await expect
    .poll(
      () =>
        fetch(`${url}-/pushboard/healthy`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 15_000 },
    )
    .toBe(200);
  return { cli, url };
}

async function stopServer(cli: ReturnType<typeof runCli>) {
  cli.signal('SIGTERM');
  await expect.poll(() => cli.exitCode(), { timeout: 10_000 }).not.toBeNull();
}

const pushesOf = async (url: string, key: string) => {
  const response = await fetch(`${url}-/pushboard/history?key=${encodeURIComponent(key)}`);
  if (!response.ok) return [];
  return ((await response.json()) as { pushes: Array<{ time: number; ok: boolean }> }).pushes;
};

let dataDir: string;
test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pushboard-data-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

test('the push history survives a restart of the server', async ({ gateway }) => {
  test.setTimeout(60_000);
  const first = await startServer(gateway.url, dataDir);
  try {
    // Nobody watches: the server reads the gateway by itself, at its idle interval.
    for (let i = 1; i <= 3; i++) {
      await push(gateway.url, { job: 'nightly' }, gauge(i));
      await expect.poll(async () => (await pushesOf(first.url, '{job="nightly"}')).length).toBe(i);
    }
  } finally {
    await stopServer(first.cli);
  }
  const before = JSON.parse(readFileSync(path.join(dataDir, 'history.json'), 'utf8')) as {
    groups: Record<string, number[]>;
  };
  expect(before.groups['{job="nightly"}']).toHaveLength(3);

  const second = await startServer(gateway.url, dataDir);
  try {
    await expect.poll(async () => (await pushesOf(second.url, '{job="nightly"}')).length).toBe(3);
    const cadence = (await (await fetch(`${second.url}-/pushboard/cadence`)).json()) as {
      rhythms: Record<string, { source: string }>;
    };
    expect(cadence.rhythms['{job="nightly"}']?.source).toBe('learned');
  } finally {
    await stopServer(second.cli);
  }
});

test('a corrupt history file is set aside with a warning, and the server starts afresh', async ({ gateway }) => {
  test.setTimeout(30_000);
  writeFileSync(path.join(dataDir, 'history.json'), '{"format": "pushboard-push-history", "vers');
  await push(gateway.url, { job: 'nightly' }, gauge(1));
  const server = await startServer(gateway.url, dataDir);
  try {
    expect(server.cli.output()).toContain('is not usable (it is not JSON): moved to');
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('history.json.unreadable-'));
    expect(aside).toHaveLength(1);
    await expect.poll(async () => (await pushesOf(server.url, '{job="nightly"}')).length).toBe(1);
  } finally {
    await stopServer(server.cli);
  }
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'history.json'), 'utf8')) as {
    groups: Record<string, number[]>;
  };
  expect(Object.keys(saved.groups)).toEqual(['{job="nightly"}']);
});

test('SIGHUP reloads the expectations; an invalid file keeps the old ones and says why', async ({ gateway }) => {
  test.setTimeout(30_000);
  const config = path.join(dataDir, 'pushboard.yml');
  writeFileSync(config, "expect:\n  - match: '{job=\"nightly\"}'\n    cron: '0 3 * * *'\n");
  await push(gateway.url, { job: 'nightly' }, gauge(1));
  const server = await startServer(gateway.url, dataDir, ['--config', config]);
  const describe = async () => {
    const cadence = (await (await fetch(`${server.url}-/pushboard/cadence`)).json()) as {
      rhythms: Record<string, { describe: string }>;
    };
    return cadence.rhythms['{job="nightly"}']?.describe;
  };
  try {
    await expect.poll(describe).toBe('expected daily at 03:00 UTC');
    writeFileSync(config, 'expect:\n  - match: \'{job="nightly"}\'\n    every: 1d\n');
    server.cli.signal('SIGHUP');
    await expect.poll(describe).toBe('expected every 1d');
    expect(server.cli.output()).toContain('0 prune rules, 1 expectation');
    writeFileSync(config, 'expect:\n  - match: \'{job="nightly"}\'\n    every: daily\n');
    server.cli.signal('SIGHUP');
    await expect
      .poll(() => server.cli.output())
      .toContain(
        `config: warning: not reloaded, keeping the configuration in force (0 prune rules, 1 expectation): ${config}:3: expect[0].every: "daily" is not a duration`,
      );
    expect(await describe()).toBe('expected every 1d');
  } finally {
    await stopServer(server.cli);
  }
});
