/**
 * The gateways' state as the server holds it: its health check, the viewers' event stream, the
 * server's own metrics, and Refresh now.
 */
import compression from 'compression';
import type { Router } from 'express';
import { dataGate } from '../page.ts';
import type { Log, Services } from '../services.ts';
import { REFRESH_PATH, refuse } from './gates.ts';

/** The health check, then the data gate, the stream (uncompressed), and compression for the rest. */
export function streamRoutes(router: Router, { state, log }: { state: Services['state']; log: Log }): void {
  router.get('/-/pushboard/healthy', (_req, res) => {
    res.type('text/plain').send('OK\n');
  });
  router.use(dataGate({ log, refuse }));
  // The stream compresses each event once for every viewer (stream-bytes.ts), not per viewer.
  router.get('/-/pushboard/events', state.stream);
  // gzip or deflate as the browser asks: the gateway's API (which the gateway sends
  // uncompressed) and the app's files.
  router.use(compression());
  router.get('/-/pushboard/metrics', state.metrics);
}

/**
 * Answers 204 once a poll that started after the request has ended (at most one a second,
 * shared by every refresh meanwhile); its result reaches every viewer through the stream.
 */
export function refreshRoutes(router: Router, { state }: { state: Services['state'] }): void {
  router.post(REFRESH_PATH, async (req, res) => {
    req.resume();
    await state.model.refresh();
    res.status(204).end();
  });
  router.all(REFRESH_PATH, (_req, res) => {
    res.setHeader('Allow', 'POST');
    refuse(res, 405, 'Only POST refreshes.');
  });
}
