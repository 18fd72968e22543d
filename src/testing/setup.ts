/**
 * Runs around every Vitest file (vite.config.ts `setupFiles`). Files share their worker's
 * document (`isolate: false`), so whatever one test drew is removed after it, whether or not its
 * file cleans up: the next file's queries see only what it rendered itself.
 */
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
  document.body.replaceChildren();
});
