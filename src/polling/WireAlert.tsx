import { useId } from 'react';
import { button } from '../components/styles';
import { useWireMismatch } from '../data';

const TITLE = 'Pushboard was updated on the server: reload this page';

/**
 * The server now speaks a wire protocol this page was not built for (another major version, see
 * core/wire/version.ts): the page has stopped following it and keeps what it showed until reloaded.
 */
export function WireAlert({ reload = () => window.location.reload() }: { reload?: () => void }) {
  const server = useWireMismatch();
  const title = useId();
  if (server === undefined) return null;
  return (
    <div
      role="alert"
      aria-labelledby={title}
      className="mb-4 rounded-md border border-amber-300 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-4 py-3 text-sm text-amber-900 dark:text-amber-200"
    >
      <p id={title} className="font-semibold">
        {TITLE}
      </p>
      <p className="mt-1">
        This page was built for an older or newer Pushboard
        {server ? ` (the server speaks version ${server} of its protocol)` : ''}. It has stopped following the server;
        what it shows may be out of date.
      </p>
      <button type="button" className={button('plain', 'mt-2')} onClick={reload}>
        Reload
      </button>
    </div>
  );
}
