import { groupToExposition } from '../../gateway/exposition';
import { groupPath } from '../../../core/group-path.js';
import type { Group } from '../../../core/metrics-types';

/**
 * Everything the gateway holds as text exposition, one section per group headed by its selector
 * and the path to PUT it back to. Lines starting with # are comments to the text format.
 */
export function backupText(groups: readonly Group[], nowMs: number): string {
  const head = `# Pushgateway backup made by Pushboard at ${new Date(nowMs).toISOString()}: ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}.\n`;
  const sections = groups.map((g) => {
    const title = `# Group ${g.selector.replace(/\n/g, '\\n')}\n`;
    if (!g.job) return `${title}# (unreadable group key: not included)\n`;
    let body: string;
    try {
      body = groupToExposition(g);
    } catch (error) {
      body = `# not included: ${error instanceof Error ? error.message : String(error)}\n`;
    }
    return `${title}# PUT /${groupPath(g.labels)}\n${body}`;
  });
  return [head, ...sections].join('\n');
}

/** Offers `text` to the browser as a file download. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
