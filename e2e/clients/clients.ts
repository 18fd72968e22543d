/**
 * The real client libraries that push to gateways in production, for e2e/real-clients.spec.ts:
 * Python's prometheus_client (Debian's python3-prometheus-client, run with Debian's own python3,
 * not whatever `python3` is first on PATH), Node's prom-client (a dependency of the server), and
 * Go's client_golang (Debian's golang-github-prometheus-client-golang-dev), through a small
 * program built offline in GOPATH mode into .cache/ (`bash scripts/setup.sh --test` builds it; a
 * test builds it again when its source is newer).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROTOBUF_ACCEPT, readDelimited } from '../../core/protobuf-families';

const run = promisify(execFile);

export const PYTHON = '/usr/bin/python3';
const GO_SOURCE = path.resolve('e2e/clients/go-pusher.go');
const GO_BINARY = path.resolve('.cache/go-pusher');

/** Runs a Python script with prometheus_client; its output on failure is in the error. */
export async function runPython(script: string, ...args: string[]): Promise<void> {
  await run(PYTHON, ['-c', script, ...args], { timeout: 20_000 });
}

/** Builds the Go pusher (offline, GOPATH mode, Debian's packages) unless it is newer than its source. */
export async function buildGoPusher(): Promise<string> {
  if (existsSync(GO_BINARY) && statSync(GO_BINARY).mtimeMs >= statSync(GO_SOURCE).mtimeMs) return GO_BINARY;
  mkdirSync(path.dirname(GO_BINARY), { recursive: true });
  // Another worker may build at the same time: each writes its own file and renames it into place.
  const partial = `${GO_BINARY}.${process.pid}`;
  await run('go', ['build', '-o', partial, GO_SOURCE], {
    timeout: 300_000,
    env: {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: '/usr/share/gocode',
      GOFLAGS: '',
      GOCACHE: path.resolve('.cache/go-build'),
      GOPROXY: 'off',
    },
  });
  renameSync(partial, GO_BINARY);
  return GO_BINARY;
}

/** `go-pusher -url URL -job JOB -label k=v… -set SET ACTION` (see go-pusher.go). */
export async function runGo(
  gatewayUrl: string,
  action: 'push' | 'add' | 'delete',
  job: string,
  labels: Record<string, string>,
  set: 'basic' | 'both' = 'basic',
): Promise<void> {
  const binary = await buildGoPusher();
  const flags = Object.entries(labels).flatMap(([k, v]) => ['-label', `${k}=${v}`]);
  await run(binary, ['-url', gatewayUrl.replace(/\/$/, ''), '-job', job, ...flags, '-set', set, action], {
    timeout: 20_000,
  });
}

export interface PushedSeries {
  family: string;
  labels: Record<string, string>;
  /** The family's own fields and the metric's bytes, hex: equal only when every field is. */
  bytes: string;
}

const PUSH_TIMES = new Set(['push_time_seconds', 'push_failure_time_seconds']);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * Every pushed series the gateway holds, read from its `/metrics` in delimited protobuf (which
 * holds every field, a histogram's classic and native buckets alike), without the push times
 * that change with every push, sorted: two reads agree exactly when the gateway holds the same.
 */
export async function pushedSeries(gatewayUrl: string): Promise<PushedSeries[]> {
  const response = await fetch(new URL('metrics', gatewayUrl), { headers: { Accept: PROTOBUF_ACCEPT } });
  const families = readDelimited(new Uint8Array(await response.arrayBuffer()));
  return families
    .filter((f) => !PUSH_TIMES.has(f.name))
    .flatMap((f) =>
      f.metrics
        .filter((m) => m.labels.job !== undefined)
        .map((m) => ({ family: f.name, labels: m.labels, bytes: `${hex(f.head)}:${hex(m.bytes)}` })),
    )
    .sort((a, b) => (a.bytes < b.bytes ? -1 : a.bytes > b.bytes ? 1 : 0));
}

/** Whether a series is of the group with these grouping labels (the tests give each group its own job). */
export const ofGroup = (series: PushedSeries, labels: Record<string, string>) =>
  Object.entries(labels).every(([k, v]) => (series.labels[k] ?? '') === v);
