/**
 * `GET -/pushboard/export?format=csv|json|text&q=FILTER`: the groups the filter shows, as the
 * groups page exports them (core/export), for scripts and tickets. Streamed a piece at a time,
 * waiting for the connection to drain, so 10,000 groups never become one string in memory.
 * Refused cross-site like every change: a page elsewhere cannot make this server do the work.
 */
import { once } from 'node:events';
import type { Request, RequestHandler, Response } from 'express';
import {
  EXPORT_FORMATS,
  EXPORT_TYPES,
  exportChunks,
  exportFileName,
  isExportFormat,
  selectGroups,
} from '../core/export/export';
import type { GatewayModel } from './state/model';
import { isCrossSite } from './security.ts';

export const EXPORT_PATH = '/-/pushboard/export';

/** Bytes gathered before a write: small pieces are joined, so the connection sees few large writes. */
const BATCH_BYTES = 64 * 1024;

interface Options {
  model: GatewayModel;
  /** What the file name and CSV call the gateway: its address with one gateway, the names with several. */
  gatewayName: string;
  multi: boolean;
  trustProxy: boolean;
  log: (line: string) => void;
}

const refuse = (res: Response, status: number, text: string) => res.status(status).type('text/plain').send(`${text}\n`);

export function exportRoute({ model, gatewayName, multi, trustProxy, log }: Options): RequestHandler {
  return async (req: Request, res: Response) => {
    if (isCrossSite(req, trustProxy)) {
      log(`GET ${req.originalUrl.slice(0, 200)} -> 403 (cross-site)`);
      return refuse(res, 403, 'Cross-site exports are refused.');
    }
    const format = req.query.format ?? 'json';
    if (!isExportFormat(format)) {
      return refuse(res, 400, `format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const q = req.query.q ?? '';
    if (typeof q !== 'string') return refuse(res, 400, 'q must be given once, as text.');
    const release = model.hold();
    try {
      // Without viewers the model may not have been read lately: read the gateway first.
      if (model.viewerCount === 0 || model.status.lastSuccess === null) await model.refresh();
      const { groups, status } = model.snapshot();
      if (status.lastSuccess === null) {
        return refuse(res, 502, `The gateway could not be read: ${status.error?.message ?? 'no answer yet'}.`);
      }
      const selected = selectGroups(groups, q);
      if (!selected.ok) return refuse(res, 400, `The filter q is not valid: ${selected.error}.`);
      const name = exportFileName(format, gatewayName, Date.now());
      res.setHeader('Content-Type', EXPORT_TYPES[format]);
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.setHeader('Cache-Control', 'no-store');
      let batch = '';
      for (const chunk of exportChunks(selected.groups, format, { gateway: gatewayName, multi })) {
        batch += chunk;
        if (batch.length < BATCH_BYTES) continue;
        const more = res.write(batch);
        batch = '';
        if (!more) await drained(res);
        if (res.destroyed) return;
      }
      res.end(batch);
    } finally {
      release();
    }
  };
}

/** Resolves when the connection can take more, or when it is gone. */
async function drained(res: Response): Promise<void> {
  const gone = new AbortController();
  await Promise.race([
    once(res, 'drain', { signal: gone.signal }).catch(() => undefined),
    once(res, 'close', { signal: gone.signal }).catch(() => undefined),
  ]);
  gone.abort();
}
