/**
 * A group's state as the dashboard judges it: fresh (last push succeeded and is recent), stale
 * (no successful push within the threshold) or failed (the last push was refused). A group can be
 * stale and failed at once; the summary says so.
 */
export type GroupState = 'fresh' | 'stale' | 'failed';
