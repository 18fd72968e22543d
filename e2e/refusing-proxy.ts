/**
 * A small HTTP proxy in front of a real gateway that refuses chosen requests with 500, for testing
 * what the app does when the gateway refuses some changes and accepts others.
 */
import { createServer, request, type Server } from 'node:http';

export class RefusingProxy {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** `refuse` sees each request's method and path; true answers 500 without asking the gateway. */
  static async start(gatewayUrl: string, refuse: (method: string, path: string) => boolean): Promise<RefusingProxy> {
    const target = new URL(gatewayUrl);
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (refuse(req.method ?? 'GET', path)) {
        req.resume();
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('refused by the test proxy');
        return;
      }
      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end('gateway unreachable'));
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    return new RefusingProxy(server, `http://127.0.0.1:${address.port}/`);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
