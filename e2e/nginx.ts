/**
 * Real nginx (Debian's package) running deploy/nginx.conf: its static block in front of a test
 * gateway, and its block for the Pushboard server in front of a test server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './harness';

const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** The shipped example, pointed at this test's ports, gateway, Pushboard server and build. */
export function exampleConfig(ports: [number, number], gatewayUrl: string, serverOrigin: string, distDir: string) {
  const conf = readFileSync('deploy/nginx.conf', 'utf8');
  for (const needle of ['listen 8080;', 'listen 8081;', 'http://127.0.0.1:8090;', 'http://127.0.0.1:9091;']) {
    if (!conf.includes(needle)) throw new Error(`deploy/nginx.conf no longer has "${needle}"`);
  }
  return conf
    .replace('listen 8080;', `listen 127.0.0.1:${ports[0]};`)
    .replace('listen 8081;', `listen 127.0.0.1:${ports[1]};`)
    .replaceAll('http://127.0.0.1:8090;', `${serverOrigin};`)
    .replaceAll('http://127.0.0.1:9091;', `${gatewayUrl.replace(/\/$/, '')};`)
    .replaceAll('/opt/pushboard/dist/', `${distDir}/`);
}

export class TestNginx {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    /** The static block: the gateway at /, Pushboard at /ui/. */
    readonly url: string,
    /** The block in front of the Pushboard server (at /pushboard/ there). */
    readonly serverUrl: string,
  ) {}

  /** `serverOrigin`: where the Pushboard server listens (scheme, host and port; no path). */
  static async start(gatewayUrl: string, serverOrigin = 'http://127.0.0.1:9'): Promise<TestNginx> {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-nginx-'));
    const port = await freePort();
    const serverPort = await freePort();
    const conf = path.join(dir, 'nginx.conf');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((t) => `${t}_temp_path ${dir}/${t};`)
      .join('\n');
    writeFileSync(
      conf,
      `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\n` +
        `http {\ninclude /etc/nginx/mime.types;\naccess_log off;\n${temp}\n${exampleConfig([port, serverPort], gatewayUrl, serverOrigin, path.resolve('dist'))}\n}\n`,
    );
    const child = spawn(NGINX, ['-c', conf, '-p', dir, '-e', `${dir}/error.log`], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(`${dir}/error.log`, 'utf8')}`);
      const up = await new Promise<boolean>((resolve) => {
        const s = connect({ host: '127.0.0.1', port }, () => resolve(!!s.end()));
        s.once('error', () => resolve(false));
      });
      if (up) return new TestNginx(child, dir, `http://127.0.0.1:${port}/`, `http://127.0.0.1:${serverPort}/`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill();
    throw new Error('nginx did not start');
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGQUIT');
    await exited;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
