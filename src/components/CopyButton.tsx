import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/copy';
import { SheetsIcon } from './SheetsIcon';

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
  const size = compact ? 'px-1.5 py-0.5 text-xs' : 'px-2 py-0.5 text-sm';
  return (
    <span className="inline-flex items-center gap-1.5">
      <button
        type="button"
        aria-label={compact ? label : undefined}
        title={compact ? label : undefined}
        onClick={() => void copy()}
        className={`inline-flex items-center gap-1 rounded border border-slate-300 dark:border-slate-600 ${size} text-slate-700 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-teal-600`}
      >
        <SheetsIcon />
        {!compact && label}
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
