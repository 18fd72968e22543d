import { useEffect, useId, useRef, useState } from 'react';
import type { Group } from '../../../core/metrics-types';
import {
  EXPORT_FORMATS,
  EXPORT_LABELS,
  EXPORT_TYPES,
  exportFileName,
  type ExportFormat,
} from '../../../core/export/formats';
import { button } from '../../components/styles';
import { useConfig } from '../../config/ConfigContext';
import { countOf } from '../../lib/format';

/** What the file name and the CSV's gateway column call the gateway(s). */
export function exportGatewayName(config: { gatewayAddress?: string; gateways?: ReadonlyArray<{ name: string }> }) {
  if (config.gateways) return config.gateways.map((g) => g.name).join('+');
  if (config.gatewayAddress && URL.canParse(config.gatewayAddress)) return new URL(config.gatewayAddress).host;
  return location.host || 'gateway';
}

/**
 * Offers the groups as a file download, built from the same pieces the server streams (loaded on
 * first use: nobody pays for it on page load).
 */
export async function downloadExport(groups: readonly Group[], format: ExportFormat, gateway: string, multi: boolean) {
  const { exportChunks } = await import('../../../core/export/export');
  const blob = new Blob([...exportChunks(groups, format, { gateway, multi })], { type: EXPORT_TYPES[format] });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(format, gateway, Date.now());
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export": the groups shown (what the filters let through, all of them, not only those on
 * screen) as JSON in the gateway's own shape, CSV, or Prometheus text. A button that opens a
 * short list of buttons; Escape or a click elsewhere closes it.
 */
export function ExportMenu({ groups }: { groups: readonly Group[] }) {
  const config = useConfig();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  const pick = (format: ExportFormat) => {
    void downloadExport(groups, format, exportGatewayName(config), !!config.gateways);
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        disabled={groups.length === 0}
        onClick={() => setOpen(!open)}
        className={button('plain')}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      <div
        id={id}
        hidden={!open}
        role="group"
        aria-label={`Export the ${countOf(groups.length, 'group', 'groups')} shown`}
        className="absolute right-0 z-30 mt-1 flex w-max flex-col rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 shadow-lg"
      >
        <p className="px-2 py-1 text-xs text-slate-500 dark:text-slate-400">
          The {countOf(groups.length, 'group', 'groups')} shown, as
        </p>
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => pick(format)}
            className={button('quiet', 'text-left font-normal')}
          >
            {EXPORT_LABELS[format]}
          </button>
        ))}
      </div>
    </div>
  );
}
