/**
 * For a group whose last push failed: which of its metric names other groups also hold, with the
 * TYPE and HELP those groups have. The gateway keeps no reason for a refused push, but a push that
 * gives one of these names another TYPE is refused ("inconsistent with existing metrics"), so
 * these are what the card can name. Another HELP is accepted by 1.5.1 and 1.11.0 alike (the
 * gateway shows one of the two; e2e/push-check.spec.ts), so the HELP is shown, not blamed.
 */
import type { Group } from '../../core/metrics-types';
import type { SharedFamily } from '../../core/wire/history';

export function sharedFamilies(group: Group, all: readonly Group[]): SharedFamily[] {
  const mine = new Set(group.families.map((f) => f.name));
  const shared = new Map<string, SharedFamily>();
  for (const other of all) {
    if (other.key === group.key || other.problem) continue;
    for (const family of other.families) {
      if (!mine.has(family.name)) continue;
      const known = shared.get(family.name);
      if (known) known.groups++;
      else shared.set(family.name, { name: family.name, type: family.type, help: family.help, groups: 1 });
    }
  }
  return [...shared.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
