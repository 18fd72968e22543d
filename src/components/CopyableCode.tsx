import { CopyButton } from './CopyButton';

/** A block of code people paste elsewhere (a command, a config), with its copy button below. */
export function CopyableCode({ code, label, className = '' }: { code: string; label: string; className?: string }) {
  return (
    <>
      <pre
        className={`relative max-w-full overflow-x-auto rounded p-3 text-left font-mono text-sm ${className || 'bg-slate-100 dark:bg-slate-950 text-slate-800 dark:text-slate-100'}`}
      >
        <code>{code}</code>
      </pre>
      <div className="mt-2">
        <CopyButton text={code} label={label} />
      </div>
    </>
  );
}
