/**
 * How many event streams the server holds open, in all and per client address. Each open stream
 * costs a socket, its buffers and a share of every event's work; without a cap, one client
 * opening streams and never reading could hold as many as it likes.
 */

export interface StreamCapsOptions {
  /** Open streams in all (`--max-streams`). */
  total: number;
  /** Open streams from one client address (`--max-streams-per-client`). */
  perClient: number;
}

export const DEFAULT_STREAM_CAPS: StreamCapsOptions = { total: 1000, perClient: 100 };

/** Seconds a refused client is told to wait (`Retry-After`). */
export const RETRY_AFTER_S = 10;

export type Admission = { ok: true; release: () => void } | { ok: false; reason: string };

export class StreamCaps {
  private open = 0;
  private byClient = new Map<string, number>();

  constructor(private readonly caps: StreamCapsOptions = DEFAULT_STREAM_CAPS) {}

  get count(): number {
    return this.open;
  }

  /** A stream from `client` may open (and must call `release` once when it ends), or not. */
  admit(client: string): Admission {
    const mine = this.byClient.get(client) ?? 0;
    if (this.open >= this.caps.total) {
      return { ok: false, reason: `The server holds its most event streams (${this.caps.total}, --max-streams).` };
    }
    if (mine >= this.caps.perClient) {
      return {
        ok: false,
        reason: `This address has the most event streams it may open (${this.caps.perClient}, --max-streams-per-client).`,
      };
    }
    this.open++;
    this.byClient.set(client, mine + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.open--;
        const left = (this.byClient.get(client) ?? 1) - 1;
        if (left > 0) this.byClient.set(client, left);
        else this.byClient.delete(client);
      },
    };
  }
}
