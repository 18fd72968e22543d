import { groupPath } from '../../core/group-path.js';
import type { Labels } from '../../core/metrics-types';
import { shellQuote } from '../lib/copy';

/**
 * The curl command that deletes exactly this group: every label value base64url-encoded in the
 * path (`@base64`), so `/`, empty values and any other character address the right group.
 */
export function curlDelete(groupUrl: (path: string) => string, labels: Labels): string {
  return `curl -X DELETE ${shellQuote(groupUrl(groupPath(labels)))}`;
}
