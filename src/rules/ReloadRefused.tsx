import { formatExactTime } from '../lib/format';
import type { ConfigReload } from '../prune/api';

/**
 * The last reload of the configuration file, when the server refused it: the file on disk is then
 * not what runs, and whoever edited it should know why before trusting the rules shown.
 */
export function ReloadRefused({ reload }: { reload: ConfigReload }) {
  if (reload.outcome !== 'refused') return null;
  return (
    <div
      role="alert"
      aria-label="Configuration not reloaded"
      className="rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-900 dark:text-red-200"
    >
      <p className="font-semibold">The configuration file was not reloaded ({formatExactTime(reload.at)}).</p>
      <p className="mt-1 break-words">{reload.reason}</p>
      <p className="mt-1">
        The server keeps the configuration it had: the rules below are those in force, not those of the file.
      </p>
    </div>
  );
}
