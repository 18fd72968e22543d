/** The export's formats, their names and file names: small, so the page loads the rest only on demand. */

export const EXPORT_FORMATS = ['json', 'csv', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON (the gateway’s API)',
  csv: 'CSV (one row per sample)',
  text: 'Prometheus text format',
};

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  text: 'text/plain; version=0.0.4; charset=utf-8',
};

const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'csv', text: 'prom' };

export const isExportFormat = (value: unknown): value is ExportFormat =>
  (EXPORT_FORMATS as readonly unknown[]).includes(value);

/**
 * `pushboard-gw.example.com_9091-20261124T210623Z.csv`: the gateway (or gateways) and the time
 * in UTC, with anything a file system could stumble on replaced.
 */
export function exportFileName(format: ExportFormat, gateway: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/\.\d+/, '').replace(/[-:]/g, '');
  const safe =
    gateway
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'gateway';
  return `pushboard-${safe.slice(0, 80)}-${stamp}.${EXTENSIONS[format]}`;
}
