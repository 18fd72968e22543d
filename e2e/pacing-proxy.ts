/**
 * A small HTTP proxy in front of a real gateway that counts the reads of `/api/v1/metrics` and can
 * make them slow or refuse them (429 or 503 with a chosen Retry-After), as a loaded or
 * rate-limiting gateway would. Everything else passes through untouched.
 */
import { createServer, request, type Server } from 'node:http';

const METRICS = '/api/v1/metrics';

export interface Refusal {
  status: 429 | 503;
  /** The Retry-After header to send, if any. */
  retryAfter?: string;
}

export interface Read {
  at: number;
  status: number;
  retryAfter?: string;
}

export class PacingProxy {
  /** When each read of /api/v1/metrics arrived (Date.now()), and how it was answered. */
  readonly reads: Read[] = [];
  /** Holds every read of /api/v1/metrics this long before passing it on. */
  delayMs = 0;
  /** Answers every read of /api/v1/metrics so, without asking the gateway, while set. */
  refusal: Refusal | undefined;

  private readonly server: Server;
  url = '';

  private constructor(private readonly target: URL) {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const isRead = path.split('?')[0] === METRICS;
      const refusal = isRead ? this.refusal : undefined;
      if (isRead) this.reads.push({ at: Date.now(), status: refusal?.status ?? 200, retryAfter: refusal?.retryAfter });
      if (refusal) {
        req.resume();
        const retryAfter = refusal.retryAfter ? { 'Retry-After': refusal.retryAfter } : {};
        res
          .writeHead(refusal.status, { 'Content-Type': 'text/plain', ...retryAfter })
          .end('refused by the test proxy\n');
        return;
      }
      const forward = () => {
        const upstream = request(
          { host: this.target.hostname, port: this.target.port, method: req.method, path, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end('gateway unreachable'));
        req.pipe(upstream);
      };
      if (isRead && this.delayMs > 0) setTimeout(forward, this.delayMs);
      else forward();
    });
  }

  static async start(gatewayUrl: string): Promise<PacingProxy> {
    const proxy = new PacingProxy(new URL(gatewayUrl));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const address = proxy.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    proxy.url = `http://127.0.0.1:${address.port}/`;
    return proxy;
  }

  /** The reads that arrived at or after `since`. */
  readsSince(since: number): Read[] {
    return this.reads.filter((r) => r.at >= since);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
