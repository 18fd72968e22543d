import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request, Response } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intoHead, pageHandler } from './page.ts';

/** The head of a built index.html as Vite writes it (abridged): the entry, and the boot chunk preloaded. */
const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <title>Pushboard</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/boot-def.js">
  </head>
  <body><div id="root"></div></body>
</html>
`;
const PRELOAD = '<link rel="modulepreload" crossorigin href="./assets/boot-def.js">';

describe('intoHead', () => {
  it('adds the html at the end of the head', () => {
    expect(intoHead('<head><title>x</title></head><body></body>', '<meta name="a" />')).toBe(
      '<head><title>x</title><meta name="a" /></head><body></body>',
    );
  });

  it("takes `$&` and `$'` in the html literally", () => {
    expect(intoHead('<head></head>', "$& $' $`")).toBe("<head>$& $' $`</head>");
  });

  it('throws when the page has no </head>, instead of sending it unchanged', () => {
    expect(() => intoHead('<html><body></body></html>', '<meta name="a" />')).toThrow(/no <\/head>/);
  });
});

describe('pageHandler', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A dist folder whose index.html is `html` (none when undefined). */
  function dist(html: string | undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushboard-page-'));
    dirs.push(dir);
    if (html !== undefined) writeFileSync(path.join(dir, 'index.html'), html);
    return dir;
  }

  /** Runs the handler once; what it sent, or how it passed the request on. */
  function serve(distDir: string, first: string | null = null) {
    const handler = pageHandler({ distDir, config: () => ({ gateways: null }), first: () => first });
    const sent: { body?: string } = {};
    const res = {
      setHeader: vi.fn(),
      type: vi.fn(() => res),
      send: vi.fn((body: Buffer) => void (sent.body = body.toString('utf8'))),
    };
    const req = { acceptsEncodings: () => 'identity' };
    const next = vi.fn();
    handler(req as unknown as Request, res as unknown as Response, next);
    return { body: sent.body, next };
  }

  it("keeps the build's preload of the boot chunk, and adds the stream's address and the data in the head", () => {
    const { body, next } = serve(dist(BUILT), '{"groups":[]}');
    expect(next).not.toHaveBeenCalled();
    const head = body?.slice(0, body.indexOf('</head>')) ?? '';
    expect(head).toContain(PRELOAD);
    expect(head).toContain('<meta name="pushboard-events" content="./-/pushboard/events" />');
    expect(head).toContain('<script type="application/json" id="pushboard-config">{"gateways":null}</script>');
    expect(head).toContain('<script type="application/json" id="pushboard-first">{"groups":[]}</script>');
  });

  it('fails loudly on a page without </head>, rather than sending it without the stream', () => {
    expect(() => serve(dist(BUILT.replace('</head>', '')))).toThrow(/no <\/head>/);
  });

  it('passes the request on when there is no built page', () => {
    const { body, next } = serve(dist(undefined));
    expect(body).toBeUndefined();
    expect(next).toHaveBeenCalledOnce();
  });
});
