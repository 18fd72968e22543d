import { useState } from 'react';
import { Modal } from '../components/Modal';
import { button } from '../components/styles';
import { useGlobalKeydown } from '../lib/useGlobalKeydown';

/** Every keyboard shortcut, as the dialog lists it. */
export const SHORTCUTS: readonly { keys: readonly string[]; what: string }[] = [
  { keys: ['/'], what: 'Focus the filter box' },
  { keys: ['Esc'], what: 'Clear the filter, or close a dialog' },
  { keys: ['j', '↓'], what: 'Next job row or group (↓ from the filter box: the first group found)' },
  { keys: ['k', '↑'], what: 'Previous job row or group' },
  { keys: ['Enter'], what: 'Expand or collapse the focused job or group' },
  { keys: ['→', '←'], what: 'Open or fold the focused job' },
  { keys: ['+', '-'], what: 'Expand or collapse every job' },
  { keys: ['Tab'], what: "Move through a group's actions (select, delete, copy)" },
  { keys: ['?'], what: 'Show this list' },
];

/**
 * The "Keyboard shortcuts" button and its dialog, also opened by `?` anywhere but a text field.
 * A native modal <dialog>: focus stays inside, Esc closes, focus goes back where it was.
 */
export function Shortcuts() {
  const [open, setOpen] = useState(false);
  useGlobalKeydown((e) => {
    if (e.key !== '?') return false;
    setOpen(true);
    return true;
  });
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
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={(close) => (
        <button type="button" autoFocus onClick={close} className={button('plain', 'px-3 py-1.5')}>
          Close
        </button>
      )}
    >
      <table className="w-full text-sm">
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
    </Modal>
  );
}
