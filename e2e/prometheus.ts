/** A real Prometheus (Debian's `prometheus` package) on a free loopback port, for tests that scrape. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './harness';

export interface ScrapeJob {
  job_name: string;
  metrics_path?: string;
  honor_labels?: boolean;
  static_configs: Array<{ targets: string[] }>;
}

/** One series of an instant query's answer. */
export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

/** One entry of /api/v1/targets' active targets. */
export interface Target {
  scrapePool: string;
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
}

export class TestPrometheus {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {
    child.stdout?.on('data', (d) => (this.output += d));
    child.stderr?.on('data', (d) => (this.output += d));
  }

  /** Scrapes `jobs` every second; resolves once it answers its readiness check. */
  static async start(jobs: ScrapeJob[]): Promise<TestPrometheus> {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-prometheus-'));
    const port = await freePort();
    const config = { global: { scrape_interval: '1s', evaluation_interval: '1s' }, scrape_configs: jobs };
    // JSON is YAML: no YAML writer needed for a test's config.
    writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
    const child = spawn(
      'prometheus',
      [
        `--config.file=${dir}/prometheus.yml`,
        `--storage.tsdb.path=${dir}/data`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const prometheus = new TestPrometheus(child, dir, `http://127.0.0.1:${port}/`);
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`prometheus exited: ${prometheus.output}`);
      const ready = await fetch(new URL('-/ready', prometheus.url)).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return prometheus;
      await new Promise((r) => setTimeout(r, 100));
    }
    await prometheus.stop();
    throw new Error(`prometheus did not become ready: ${prometheus.output}`);
  }

  private async api<T>(apiPath: string): Promise<T> {
    const response = await fetch(new URL(`api/v1/${apiPath}`, this.url));
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`prometheus ${apiPath}: ${body.error}`);
    return body.data;
  }

  /** An instant query's vector. */
  async query(promql: string): Promise<Sample[]> {
    const data = await this.api<{ resultType: string; result: Sample[] }>(`query?query=${encodeURIComponent(promql)}`);
    return data.result;
  }

  async targets(): Promise<Target[]> {
    return (await this.api<{ activeTargets: Target[] }>('targets')).activeTargets;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
