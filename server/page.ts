/**
 * The app's page as the server sends it, and the gate in front of the dashboard's data.
 */
import { readFileSync } from 'node:fs';
import type { RequestHandler, Response } from 'express';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { isProxied } from './proxy.ts';
import { SAFE_METHODS } from './security.ts';

const HEAD_END = '</head>';

/**
 * The page with `html` added at the end of its head. Throws when the page has no `</head>`: a
 * replace that finds nothing would send the page without the stream's address (the app would
 * then poll the gateway itself) or without its first groups, and nobody would notice.
 */
export function intoHead(page: string, html: string): string {
  const at = page.indexOf(HEAD_END);
  if (at === -1) throw new Error(`The app's index.html has no ${HEAD_END}: the server cannot fill in its page.`);
  // Sliced, not replaced: `$&` or `$'` in a pushed label must not be read as a replacement pattern.
  return page.slice(0, at) + html + page.slice(at);
}

/**
 * The app's page tells the app to follow the server's stream; it does not preload the gateway.
 * It carries the first screenful of groups itself (at most FIRST_BYTES of them, stream.ts), so
 * they show before the stream is open. Built once per version and status of the model (`first`
 * returns the same string until either changes), and gzipped once, whoever asks: never once per
 * request (50 groups with a 2 MB HELP each once made a 100 MB page, built in 2.2 s per request).
 */
export function pageHandler({
  distDir,
  config,
  first: firstOf,
}: {
  distDir: string;
  config: () => object;
  first: () => string | null;
}): RequestHandler {
  let page: string | undefined;
  let built: { first: string | null; html: Buffer; gzip?: Buffer } | undefined;
  return (req, res, next) => {
    if (page === undefined) {
      let html: string;
      try {
        html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
      } catch {
        return next();
      }
      // The build's page preloads nothing of the gateway's: where its API is is known only here.
      page = intoHead(html, '<meta name="pushboard-events" content="./-/pushboard/events" />');
    }
    res.setHeader('Cache-Control', 'no-cache');
    const first = firstOf();
    if (built?.first !== first) {
      // JSON in script elements that never run; `<` escaped, so no pushed text can end them. The
      // configuration comes along, so the app need not ask config.json for it before it can draw.
      const json = (id: string, text: string) =>
        `<script type="application/json" id="${id}">${text.replace(/</g, '\\u003c')}</script>`;
      const data = json('pushboard-config', JSON.stringify(config())) + (first ? json('pushboard-first', first) : '');
      built = { first, html: Buffer.from(intoHead(page, data)) };
    }
    res.type('html').setHeader('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') !== 'gzip') return void res.send(built.html);
    built.gzip ??= gzipSync(built.html);
    res.setHeader('Content-Encoding', 'gzip');
    res.send(built.gzip);
  };
}

/**
 * What only serves scripts on this origin (the stream, JSON, the gateway's API) refuses another
 * site's requests as the browser labels them (Sec-Fetch-Site), `no-cors` ones too: they could
 * not read the answer anyway, but would cost the server (and the gateway, and Prometheus) the
 * work of it. Navigations pass: a link is not an attack. Tools without the header (curl,
 * Prometheus scraping the metrics) pass too.
 */
export function dataGate({
  log,
  refuse,
}: {
  log: (line: string) => void;
  refuse: (res: Response, status: number, text: string) => void;
}): RequestHandler {
  return (req, res, next) => {
    if (!SAFE_METHODS.has(req.method) || req.headers['sec-fetch-mode'] === 'navigate') return next();
    const site = req.headers['sec-fetch-site'];
    if (site === undefined || site === 'same-origin' || site === 'none') return next();
    const scripted = req.path.startsWith('/-/pushboard/') || req.path === '/config.json' || isProxied(req.path);
    if (!scripted) return next();
    log(`${req.method} ${req.originalUrl} -> 403 (cross-site)`);
    refuse(res, 403, "Cross-site requests for the dashboard's data are refused.");
  };
}
