import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/copy';

interface Props {
  /** What is copied. */
  text: string;
  /** The button's name, e.g. "Copy selector". */
  label: string;
  /** Small and quiet, for table rows. */
  compact?: boolean;
}

/**
 * Copies `text` and says so ("Copied", announced politely) for two seconds; if the browser
 * refuses, says that instead, so nobody pastes something stale.
 */
export function CopyButton({ text, label, compact = false }: Props) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    const ok = await copyText(text);
    setOutcome(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOutcome(null), 2000);
  };
  const size = compact ? 'px-1.5 py-0.5 text-xs' : 'px-2 py-1 text-sm';
  return (
    <span className="inline-flex items-center gap-1.5">
      <button
        type="button"
        aria-label={compact ? label : undefined}
        title={compact ? label : undefined}
        onClick={() => void copy()}
        className={`inline-flex items-center gap-1 rounded border border-slate-300 dark:border-slate-600 ${size} text-slate-700 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-teal-600`}
      >
        <CopyIcon />
        {!compact && label}
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}

/** Two overlapping sheets, drawn in the text colour (a font glyph like ⧉ is missing on many systems). */
function CopyIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 shrink-0" fill="none" stroke="currentColor">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" strokeWidth="1.5" />
      <path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" strokeWidth="1.5" />
    </svg>
  );
}
