// @ts-check
// The worker thread's entry (see poll-worker.ts): a worker starts without the parent's loader, so
// it registers tsx itself before loading the TypeScript that reads the gateway. Source only: the
// compiled server starts dist/server/poll-thread.js, poll-thread.ts bundled, instead.
import { register } from 'tsx/esm/api';

register();
await import('./poll-thread.ts');
