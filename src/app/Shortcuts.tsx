import { useEffect, useId, useRef, useState } from 'react';
import { typingInto } from '../lib/keys';

/** Every keyboard shortcut, as the dialog lists it. */
export const SHORTCUTS: readonly { keys: readonly string[]; what: string }[] = [
  { keys: ['/'], what: 'Focus the filter box' },
  { keys: ['Esc'], what: 'Clear the filter, or close a dialog' },
  { keys: ['j', '↓'], what: 'Next group (↓ from the filter box: the first group found)' },
  { keys: ['k', '↑'], what: 'Previous group' },
  { keys: ['Enter'], what: 'Expand or collapse the focused group' },
  { keys: ['Tab'], what: "Move through a group's actions (select, delete, copy)" },
  { keys: ['?'], what: 'Show this list' },
];

/**
 * The "Keyboard shortcuts" button and its dialog, also opened by `?` anywhere but a text field.
 * A native modal <dialog>: focus stays inside, Esc closes, focus goes back where it was.
 */
export function Shortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (typingInto(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="?"
        className="rounded px-2 py-1 text-sm text-teal-50 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
      >
        <span className="sr-only sm:not-sr-only">Keyboard shortcuts</span>
        <kbd aria-hidden="true" className="ml-1.5 rounded border border-white/40 px-1 font-mono text-xs">
          ?
        </kbd>
      </button>
      {open && <ShortcutsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-0 text-slate-900 dark:text-slate-50 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Keys and what they do</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(({ keys, what }) => (
              <tr key={what} className="border-t border-slate-100 dark:border-slate-800 first:border-0">
                <td className="py-1.5 pr-4 whitespace-nowrap">
                  {keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="mx-0.5 text-slate-600 dark:text-slate-300">{' or '}</span>}
                      <kbd className="rounded border border-slate-300 dark:border-slate-600 bg-slate-50 dark:bg-slate-800 px-1.5 py-0.5 font-mono text-xs">
                        {k}
                      </kbd>
                    </span>
                  ))}
                </td>
                <td className="py-1.5 text-slate-700 dark:text-slate-200">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex justify-end border-t border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-950 px-5 py-3">
        <button
          type="button"
          autoFocus
          onClick={() => ref.current?.close()}
          className="rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
        >
          Close
        </button>
      </div>
    </dialog>
  );
}
